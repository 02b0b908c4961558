// npm run load — issue 5's load test: signed-in CSO reviewers browsing and deciding at once on
// the embedded database, through the production server.
//
//   1. A fresh data directory (deleted and re-created): the demo organization, --users CSO
//      reviewers with their own authenticators, and --cases cases pending a decision
//      (scripts/load/setup.ts: the app's own steps, no hand-written SQL).
//   2. `next build` when the sources changed, then `next start` on 127.0.0.1:--port.
//   3. Every reviewer signs in through Auth.js with password and TOTP code, then loops for
//      --duration seconds with no pause: case queue, case file, decision (the real server
//      action, with the version the page showed), /network, /trends (scripts/load/reviewer.ts).
//   4. The server stops; the database is read back (scripts/load/verify.ts).
//   5. A report: p50/p95/p99 per request kind, throughput, decisions, races, server RSS, and the
//      checks. Exit 1 when a check fails: any error (5xx, timeout, unexpected answer), a lost,
//      doubled or unacknowledged decision, a broken audit chain, or pending cases running out.
//
// Options: --users N (default 50), --duration S (default 60), --cases N (pending cases, default
// 25 per second of the run, at least 100), --port P (default 3224), --data-dir D (default
// .load-data, wiped),
// --seed N (the reviewers' random choices), --no-build. Two reviewers choosing the same case is
// expected: the second gets "this case changed, reload", counted apart, never as an error.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { mulberry32 } from '@/lib/db/seed/demo-cases';
import { HttpSession, serverActionId } from './bench/http-session';
import { ensureBuild, startServer, stopServer } from './bench/server';
import { summarize, treeRssMb } from './bench/stats';
import { emptyTally, REQUEST_KINDS, runReviewer, type LoadTally } from './load/reviewer';
import type { Check } from './load/verify';

const { values: args } = parseArgs({
  options: {
    users: { type: 'string', default: '50' },
    duration: { type: 'string', default: '60' },
    cases: { type: 'string' },
    port: { type: 'string', default: process.env.LOAD_PORT ?? '3224' },
    'data-dir': { type: 'string', default: process.env.LOAD_DATA_DIR ?? '.load-data' },
    seed: { type: 'string', default: '20261126' },
    'no-build': { type: 'boolean', default: false },
  },
  strict: true,
});

function positive(name: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number (got ${value}).`);
  return n;
}

const USERS = positive('users', args.users);
const DURATION_S = positive('duration', args.duration);
// The server, not the number of reviewers, bounds how fast cases are decided: on the 2-core CI
// machine 10 reviewers decided 5.6 cases a second (load average 4), and 50 do not decide five
// times as many. 25 a second leaves a margin of four; running out fails the run rather than
// passing quietly (the CI run of stop 8 did, with the old per-reviewer estimate of 50 cases).
const CASES = args.cases === undefined ? Math.max(100, DURATION_S * 25) : positive('cases', args.cases);
const PORT = positive('port', args.port);
const DATA_DIR = path.resolve(args['data-dir']);
const ROOT = process.cwd();

const log = (message: string): void => void process.stderr.write(`[load] ${message}\n`);

async function withDatabase<T>(work: (db: import('@/lib/db/client').Database) => Promise<T>): Promise<T> {
  process.env.HIREWATCH_DATA_DIR = DATA_DIR;
  delete process.env.DATABASE_URL;
  const { getDb, closeDb } = await import('@/lib/db/client');
  try {
    return await work(await getDb());
  } finally {
    await closeDb();
  }
}

/** After the server stopped, its data directory must be free before this process opens it. */
async function waitUntilReleased(): Promise<void> {
  const { heldBy } = await import('@/lib/db/data-dir-lock');
  for (let i = 0; i < 120 && heldBy(path.join(DATA_DIR, 'pglite')); i++) await new Promise((r) => setTimeout(r, 250));
  const held = heldBy(path.join(DATA_DIR, 'pglite'));
  if (held) throw new Error(held);
}

function report(tally: LoadTally, seconds: number, rssMb: number[], checks: Check[], context: string[]): string {
  const fmt = (n: number) => (Number.isNaN(n) ? '–' : n < 10 ? n.toFixed(1) : n.toFixed(0));
  const lines = [...context, '', '| request | count | p50 ms | p95 ms | p99 ms |', '|---|---:|---:|---:|---:|'];
  const all: number[] = [];
  for (const kind of REQUEST_KINDS) {
    const samples = tally.samples[kind];
    all.push(...samples);
    const s = summarize(samples);
    lines.push(`| ${kind} | ${samples.length} | ${fmt(s.p50)} | ${fmt(s.p95)} | ${fmt(s.p99)} |`);
  }
  const s = summarize(all);
  lines.push(`| all | ${all.length} | ${fmt(s.p50)} | ${fmt(s.p95)} | ${fmt(s.p99)} |`);
  lines.push(
    '',
    `throughput: ${(all.length / seconds).toFixed(1)} requests/s, ${(tally.acknowledged.length / seconds).toFixed(2)} decisions/s over ${seconds.toFixed(1)} s`,
    `decisions: ${tally.acknowledged.length} acknowledged (${tally.acknowledged.filter((a) => a.outcome === 'escalated').length} escalated), ${tally.conflicts} refused as "this case changed" (two reviewers raced), ${tally.alreadyDecided} case files already decided when opened`,
    `errors: ${tally.errors.length}`,
    ...tally.errors.slice(0, 10).map((e) => `  - ${e}`),
    `server RSS (next start process tree): highest ${fmt(Math.max(...rssMb))} MB, last ${fmt(rssMb[rssMb.length - 1] ?? NaN)} MB`,
    '',
    ...checks.map((c) => `${c.ok ? 'PASS' : 'FAIL'}  ${c.name}: ${c.detail}`),
  );
  return lines.join('\n');
}

async function main(): Promise<number> {
  const loadBefore = os.loadavg()[0];
  log(`fresh database in ${DATA_DIR}: demo organization, ${USERS} reviewers, ${CASES} pending cases…`);
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const setupStarted = Date.now();
  const { prepareLoadData } = await import('./load/setup');
  const { reviewers, pending } = await withDatabase((db) => prepareLoadData(db, { reviewers: USERS, pendingCases: CASES }, log));
  log(`set up in ${((Date.now() - setupStarted) / 1000).toFixed(1)} s`);

  ensureBuild(ROOT, args['no-build'], log);
  log(`starting next start on 127.0.0.1:${PORT}…`);
  const server = await startServer({ root: ROOT, port: PORT, dataDir: DATA_DIR });
  const rss: number[] = [];
  const sampleRss = () => {
    const mb = treeRssMb(server.child.pid!);
    if (mb !== null) rss.push(mb);
  };
  const tally = emptyTally();
  let seconds = 0;
  let signInSeconds = 0;
  try {
    sampleRss();
    const moveActionId = serverActionId('lib/cases/actions', 'moveCaseAction');
    log(`signing in ${USERS} reviewers (password, then TOTP code)…`);
    const signInStarted = Date.now();
    const sessions = await Promise.all(
      reviewers.map(async (r) => {
        const session = new HttpSession(server.base);
        await session.signIn(r.email, r.password, r.totpSecret);
        return session;
      }),
    );
    signInSeconds = (Date.now() - signInStarted) / 1000;
    // The same --seed makes the same choices in the same order.
    const random = mulberry32(Number(args.seed));
    // One untimed round first, so that the first render of each route is not in the figures;
    // its decision is acknowledged like any other and checked with them.
    let warmUpRounds = 1;
    const warmUp = emptyTally();
    await runReviewer({ session: sessions[0], email: reviewers[0].email, moveActionId, keepGoing: () => warmUpRounds-- > 0, tally: warmUp, random });
    tally.acknowledged.push(...warmUp.acknowledged);
    tally.errors.push(...warmUp.errors);
    log(`${USERS} reviewers browse and decide for ${DURATION_S} s…`);
    const started = Date.now();
    const deadline = started + DURATION_S * 1000;
    const sampler = setInterval(sampleRss, 1000);
    try {
      await Promise.all(sessions.map((session, i) => runReviewer({ session, email: reviewers[i].email, moveActionId, keepGoing: () => Date.now() < deadline, tally, random })));
    } finally {
      clearInterval(sampler);
    }
    seconds = (Date.now() - started) / 1000;
    sampleRss();
  } finally {
    log('stopping the server…');
    await stopServer(server.child);
  }
  await waitUntilReleased();
  const { verifyDecisions } = await import('./load/verify');
  const checks: Check[] = [
    { name: 'no errors (5xx, timeouts, unexpected answers)', ok: tally.errors.length === 0, detail: `${tally.errors.length} errors` },
    { name: 'pending cases lasted the whole run', ok: tally.emptyQueues === 0, detail: tally.emptyQueues === 0 ? `${pending} prepared` : `${tally.emptyQueues} queue views were empty: raise --cases` },
    ...(await withDatabase((db) => verifyDecisions(db, tally.acknowledged))),
  ];
  const cpu = os.cpus();
  console.log(
    report(tally, seconds, rss, checks, [
      `Hirewatch load test — ${new Date().toISOString()}`,
      `machine: ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}; load average (1 min) before ${loadBefore.toFixed(2)}, after ${os.loadavg()[0].toFixed(2)}`,
      `${USERS} CSO reviewers, closed loop without pause, ${DURATION_S} s; ${pending} cases pending a decision at the start; embedded database (${DATA_DIR})`,
      `server ready in ${(server.startupMs / 1000).toFixed(1)} s; ${USERS} sign-ins (password + TOTP) in ${signInSeconds.toFixed(1)} s`,
    ]),
  );
  return checks.every((c) => c.ok) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('load:', error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(2);
  },
);
