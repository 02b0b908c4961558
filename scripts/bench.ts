// npm run bench — the performance targets of issue 4, measured on a scaled embedded database.
//
//   1. The data: BENCH_DATA_DIR (default .bench-data) holds a database seeded with
//      `db:seed --scale` (100,000 cases, 1,000,000 watchlist entries); created when missing,
//      reused otherwise (the decisions below use up some of its pending cases each run).
//   2. In-process, before the server opens it: fixtures (pending cases, network members,
//      networks) and the matching of a submission, timed against the same database.
//   3. The production build (`next build`, rebuilt when app/, lib/ or components/ changed
//      since the last one), `next start` on 127.0.0.1:BENCH_PORT (default 3223) with that
//      data directory; sign-in as lead, CSO and exec through Auth.js; warm-up; then N
//      sequential requests per scenario, timed until the last byte of the response.
//   4. A table: p50 / p95 / p99 per scenario against its target, and the server's RSS (the
//      whole `next start` process tree, /proc VmRSS, highest sample).
//
// Options: --requests N (default 100), --warmup N (default 20: the server is measured as it
// runs, with its hot paths compiled by V8, not in the first requests after it starts), --port P, --data-dir D,
// --scale N (cases when seeding, default 100000), --no-build, --strict (exit 1 if a target
// is missed), --priority (Linux, root: raise the bench's and its server's autogroups, see
// bench/priority.ts). The figures depend on the machine and on what else runs on it: the
// load average and the scheduling are printed with them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { HttpSession, serverActionId } from './bench/http-session';
import { ensureBuild, startServer, stopServer } from './bench/server';
import { autogroupScheduling, raiseAutogroup } from './bench/priority';
import { mainThreadCpuMs, summarize, treeRssMb } from './bench/stats';

const { values: args } = parseArgs({
  options: {
    requests: { type: 'string', default: '100' },
    warmup: { type: 'string', default: '20' },
    port: { type: 'string', default: process.env.BENCH_PORT ?? '3223' },
    'data-dir': { type: 'string', default: process.env.BENCH_DATA_DIR ?? '.bench-data' },
    scale: { type: 'string', default: '100000' },
    'no-build': { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
    priority: { type: 'boolean', default: false },
  },
});
const REQUESTS = Number(args.requests);
const WARMUP = Number(args.warmup);
const PORT = Number(args.port);
const DATA_DIR = path.resolve(args['data-dir']);
const BASE = `http://127.0.0.1:${PORT}`;
const PASSWORD = process.env.HIREWATCH_DEMO_PASSWORD || 'hirewatch-demo';
const ROOT = process.cwd();

const log = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);

interface Line {
  name: string;
  target: number;
  unit: 'ms' | 'MB';
  /** The percentile the target applies to. */
  on: 'p95' | 'max';
  samples?: number[];
  /** CPU time of the server's main thread per timed request, in ms: about what a request takes on an idle machine. */
  cpu?: number;
  value?: number;
  note?: string;
}

function ensureData(): void {
  if (fs.existsSync(path.join(DATA_DIR, 'pglite', 'PG_VERSION'))) {
    log(`reusing the database in ${DATA_DIR}`);
    return;
  }
  log(`no database in ${DATA_DIR}: seeding ${args.scale} cases (takes minutes)…`);
  const seeded = spawnSync('npx', ['tsx', 'scripts/db-seed.ts', '--scale', args.scale], { stdio: 'inherit', env: { ...process.env, HIREWATCH_DATA_DIR: DATA_DIR } });
  if (seeded.status !== 0) throw new Error('The scale seed failed.');
}

/**
 * Warm-up, then `REQUESTS` timed calls; `check` refuses a wrong answer (a timing of an error
 * page is no timing). Also the CPU time of the server's main thread per timed call (`server`: its pid).
 */
async function measure(
  name: string,
  server: number,
  call: (i: number) => Promise<{ status: number; body: string }>,
  check: (r: { status: number; body: string }) => boolean,
): Promise<{ samples: number[]; cpu?: number }> {
  for (let i = 0; i < WARMUP; i++) await call(i);
  const samples: number[] = [];
  const cpuBefore = mainThreadCpuMs(server);
  for (let i = 0; i < REQUESTS; i++) {
    const started = performance.now();
    const response = await call(WARMUP + i);
    samples.push(performance.now() - started);
    if (!check(response)) throw new Error(`${name}: unexpected answer ${response.status}: …${response.body.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").slice(-600)}`);
  }
  const cpuAfter = mainThreadCpuMs(server);
  log(`${name}: done`);
  return { samples, cpu: cpuBefore === null || cpuAfter === null ? undefined : (cpuAfter - cpuBefore) / REQUESTS };
}

function table(lines: Line[]): string {
  const fmt = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '–' : n < 10 ? n.toFixed(2) : n.toFixed(0));
  const out = ['| scenario | p50 | p95 | p99 | CPU / request | target | met |', '|---|---:|---:|---:|---:|---:|:---:|'];
  for (const line of lines) {
    const s = line.samples ? summarize(line.samples) : undefined;
    const value = line.on === 'max' ? line.value : s?.p95;
    const informational = !Number.isFinite(line.target);
    const met = value !== undefined && value <= line.target;
    const cells = s ? [fmt(s.p50), fmt(s.p95), fmt(s.p99)] : ['', fmt(line.value), ''];
    const target = informational ? '–' : `${line.on === 'max' ? '' : 'p95 '}≤ ${line.target} ${line.unit}`;
    out.push(`| ${line.name}${line.note ? ` (${line.note})` : ''} | ${cells.join(' | ')} | ${line.cpu === undefined ? '' : fmt(line.cpu)} | ${target} | ${informational ? '' : met ? 'yes' : 'NO'} |`);
  }
  return out.join('\n');
}

async function main(): Promise<number> {
  const loadBefore = os.loadavg();
  // Which scheduling the figures were taken under: printed with them (bench/priority.ts).
  let scheduling = autogroupScheduling() ? 'autogroup scheduling, bench at normal priority' : 'normal priority';
  if (args.priority) {
    if (!autogroupScheduling()) throw new Error('--priority raises the autogroup, and this system does not schedule by autogroup: run without it.');
    const raised = raiseAutogroup();
    process.on('exit', raised.restore);
    scheduling = `autogroup scheduling, bench and server autogroups raised (${raised.description})`;
  }
  ensureData();
  process.env.HIREWATCH_DATA_DIR = DATA_DIR;
  delete process.env.DATABASE_URL;
  const { heldBy } = await import('@/lib/db/data-dir-lock');
  const held = heldBy(path.join(DATA_DIR, 'pglite'));
  if (held) throw new Error(held);

  log('in-process: fixtures and submission matching…');
  const inProcess = await import('./bench/in-process');
  const fixtures = await inProcess.prepare(REQUESTS + WARMUP);
  if (fixtures.pending.length < REQUESTS + WARMUP) throw new Error(`Only ${fixtures.pending.length} pending cases left for the decision scenario: re-seed (delete ${DATA_DIR}).`);
  const submission = await inProcess.timeSubmissionMatching(WARMUP, REQUESTS);
  await inProcess.closeDb();

  ensureBuild(ROOT, args['no-build'], log);
  log(`starting next start on ${BASE}…`);
  const { child, startupMs } = await startServer({ root: ROOT, port: PORT, dataDir: DATA_DIR, onSpawn: args.priority ? (pid) => void raiseAutogroup(pid) : undefined });
  const rss: number[] = [];
  const sampleRss = () => {
    const mb = treeRssMb(child.pid!);
    if (mb !== null) rss.push(mb);
  };
  const lines: Line[] = [];
  try {
    sampleRss();
    const lead = new HttpSession(BASE);
    const cso = new HttpSession(BASE);
    const exec = new HttpSession(BASE);
    await lead.signIn('lead@hirewatch.test', PASSWORD);
    await cso.signIn('cso@hirewatch.test', PASSWORD);
    await exec.signIn('exec@hirewatch.test', PASSWORD);
    const ok = (marker: string) => (r: { status: number; body: string }) => r.status === 200 && r.body.includes(marker);

    const list = `/cases?${inProcess.LIST_VIEW.query}`;
    lines.push({ name: '/cases filtered + sorted, first page', target: 50, unit: 'ms', on: 'p95', note: list, ...(await measure('list first page', child.pid!, () => lead.request(list), ok('HW-'))) });
    sampleRss();
    // A deep page as the Next link reaches it (keyset cursor), and as a page number typed by hand.
    const deep = `${list}&page=${fixtures.deep.page}`;
    lines.push({ name: '/cases deep page, by Next link', target: 50, unit: 'ms', on: 'p95', note: `page=${fixtures.deep.page}&after=…`, ...(await measure('list deep page (cursor)', child.pid!, () => lead.request(`${deep}&after=${fixtures.deep.after}`), ok('HW-'))) });
    lines.push({ name: '/cases deep page, page number only', target: 50, unit: 'ms', on: 'p95', note: `page=${fixtures.deep.page}`, ...(await measure('list deep page (number)', child.pid!, () => lead.request(deep), ok('HW-'))) });
    sampleRss();
    lines.push({ name: 'case file', target: 80, unit: 'ms', on: 'p95', note: 'network members', ...(await measure('case file', child.pid!, (i) => lead.request(`/cases/${fixtures.caseFiles[i % fixtures.caseFiles.length]}`), ok('Risk'))) });
    sampleRss();
    const move = serverActionId('lib/cases/actions', 'moveCaseAction');
    lines.push({
      name: 'decision',
      target: 60,
      unit: 'ms',
      on: 'p95',
      note: 'CSO escalates / clears a pending case, server action',
      ...(await measure(
        'decision',
        child.pid!,
        (i) => {
          const { reference, version } = fixtures.pending[i];
          const rationale = 'Benchmark decision: identity checks reviewed and the indicators weighed against the evidence on file.';
          return cso.action(`/cases/${reference}`, move, { reference, version: String(version), move: i % 4 === 0 ? 'escalate' : 'clear', rationale });
        },
        (r) => r.status === 200 && r.body.includes('"status":"ok"'),
      )),
    });
    sampleRss();
    lines.push({ name: 'match on submission', target: 5, unit: 'ms', on: 'p95', note: 'in-process: watchlist + linked-case reads of a new case', samples: submission.match });
    lines.push({ name: 'submission step', target: Infinity, unit: 'ms', on: 'p95', note: 'in-process, informational: insert + networks + risk, rolled back', samples: submission.step });
    lines.push({ name: 'network page', target: 20, unit: 'ms', on: 'p95', note: 'graph and members of one of the largest networks', ...(await measure('network', child.pid!, (i) => lead.request(`/network/${fixtures.networks[i % fixtures.networks.length]}`), ok('HW-'))) });
    // What an empty signed-in page costs here (the layout, the session check, a line of text):
    // the floor under every page above, printed so the page figures can be read against it.
    lines.push({ name: 'signed-in empty page', target: Infinity, unit: 'ms', on: 'p95', note: 'informational: the not-found page of an unknown case', ...(await measure('empty page', child.pid!, () => lead.request('/cases/HW-1999-0001'), (r) => r.status === 404 && r.body.includes('Not found'))) });
    lines.push({ name: 'network ranking', target: Infinity, unit: 'ms', on: 'p95', note: '/network, informational: 25 networks by size and risk', ...(await measure('network ranking', child.pid!, () => lead.request('/network'), ok('HW-'))) });
    sampleRss();
    lines.push({ name: '/trends', target: 150, unit: 'ms', on: 'p95', note: 'exec', ...(await measure('trends', child.pid!, () => exec.request('/trends'), ok('Trends'))) });
    sampleRss();
    lines.push({ name: 'server RSS', target: 500, unit: 'MB', on: 'max', note: 'next start process tree, highest sample', value: Math.max(...rss) });
  } finally {
    await stopServer(child);
  }

  const loadAfter = os.loadavg();
  const cpu = os.cpus();
  console.log(`\nHirewatch benchmark — ${new Date().toISOString()}`);
  console.log(`machine: ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}`);
  console.log(`load average (1 min) before: ${loadBefore[0].toFixed(2)}, after: ${loadAfter[0].toFixed(2)}; ${scheduling}`);
  console.log(`data: ${fixtures.counts.cases.toLocaleString('en-US')} cases, ${fixtures.counts.identifiers.toLocaleString('en-US')} identifiers, ${fixtures.counts.watchlist.toLocaleString('en-US')} watchlist entries, ${fixtures.counts.networks.toLocaleString('en-US')} networks (${DATA_DIR})`);
  console.log(`server: ready in ${(startupMs / 1000).toFixed(1)} s; ${REQUESTS} timed requests per scenario after ${WARMUP} warm-up, one at a time\n`);
  console.log(table(lines));
  const missed = lines.filter((l) => Number.isFinite(l.target)).filter((l) => {
    const value = l.on === 'max' ? l.value : l.samples && summarize(l.samples).p95;
    return value === undefined || value > l.target;
  });
  console.log(missed.length === 0 ? '\nAll targets met.' : `\nTargets missed: ${missed.map((l) => l.name).join(', ')}.`);
  return args.strict && missed.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('bench:', error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
