// npm run bench:import — bulk import speed on the embedded database, through the job path
// (queue → worker → applicant-record batch import), as the API batch and /import use it.
// Prints applicants per second for N records (default 10,000; BENCH_RECORDS to change) on a
// fresh PGlite data directory in a temp folder (BENCH_DATA_DIR=memory:// for RAM), with the
// machine's load average, the CPU time the import used (a busy machine stretches wall time,
// not CPU time) and where that time went, phase by phase.
//
// The records are deliberately not all strangers: one in fifty shares a phone with the one
// before it, past 9,000 records the phones wrap around onto the first thousand, one in 97
// has a résumé under another name, and names like "Applicant 1", "Applicant 11" and
// "Applicant 111" match as spelling variants. So identifiers are normalized and matched,
// networks form and cases are re-scored as in a real import.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const records = Number(process.env.BENCH_RECORDS ?? 10_000);
const dir = process.env.BENCH_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'hirewatch-bench-'));
process.env.HIREWATCH_DATA_DIR = dir;
delete process.env.DATABASE_URL;

const loadAverage = () => os.loadavg().map((n) => n.toFixed(2)).join(' ');
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function benchLines(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    line: i + 1,
    payload: JSON.stringify({
      externalId: `BENCH-${i}`,
      claimedName: `Applicant ${i}`,
      resumeName: i % 97 === 0 ? `Other ${i}` : `Applicant ${i}`,
      role: 'Backend engineer',
      region: ['NA', 'EU', 'UK', 'APAC', 'LATAM', 'MEA'][i % 6],
      source: 'ats_import',
      identifiers: [
        { kind: 'email', value: `applicant.${i}@example.org` },
        { kind: 'phone', value: `+1 415 555 ${String(1000 + (i % 50 === 0 ? i - 1 : i) % 9000).padStart(4, '0')}` },
      ],
    }),
  }));
}

async function main() {
  const { closeDb, getDb } = await import('@/lib/db/client');
  const { seedReferenceData } = await import('@/lib/db/seed/reference-data');
  const { users } = await import('@/lib/db/schema');
  const { enqueueImport, viewJob } = await import('@/lib/jobs/queue');
  const { drainJobs } = await import('@/lib/jobs/worker');
  const { importPhaseTimes, recordImportPhases } = await import('@/lib/applicants/import-phases');
  await import('@/lib/import/processor');

  const db = await getDb();
  await seedReferenceData(db);
  const [lead] = await db.insert(users).values({ email: 'bench-lead@hirewatch.test', name: 'Bench lead', role: 'lead', passwordHash: 'x' }).returning();
  const lines = benchLines(records);
  const queuedAt = performance.now();
  const jobId = await enqueueImport(db, { id: lead.id, email: lead.email, role: 'lead' }, lines, 'bench');

  const loadBefore = loadAverage();
  recordImportPhases(true);
  const startedAt = performance.now();
  const cpuAtStart = process.cpuUsage();
  await drainJobs(db);
  const cpu = process.cpuUsage(cpuAtStart);
  const finishedAt = performance.now();
  const phases = importPhaseTimes();
  recordImportPhases(false);

  const job = await viewJob(db, jobId, null);
  const wallMs = finishedAt - startedAt;
  const cpuMs = (cpu.user + cpu.system) / 1000;
  console.log(`records: ${records}; imported ${job?.done}, refused ${job?.failed} (status ${job?.status})`);
  console.log(`queueing: ${seconds(startedAt - queuedAt)}; import: ${seconds(wallMs)} wall, ${seconds(cpuMs)} CPU`);
  console.log(`load average (1, 5, 15 min): ${loadBefore} before, ${loadAverage()} after; ${os.cpus().length} CPU cores`);
  const phased = phases.reduce((sum, [, t]) => sum + t.cpuMs, 0);
  console.log('CPU time by phase:');
  for (const [phase, t] of [...phases, ['job bookkeeping, parsing, commits', { cpuMs: cpuMs - phased, wallMs: 0 }] as const]) {
    console.log(`  ${phase.padEnd(34)} ${seconds(t.cpuMs).padStart(8)}  ${((100 * t.cpuMs) / cpuMs).toFixed(0).padStart(3)} %`);
  }
  console.log(`${Math.round(records / (wallMs / 1000))} applicants/s (embedded database, ${dir === 'memory://' ? 'in memory' : 'on disk'})`);
  console.log(`${Math.round(records / (cpuMs / 1000))} applicants per CPU-second (all threads of the process; a busy machine stretches wall time, much less CPU time)`);
  await closeDb();
  if (!process.env.BENCH_DATA_DIR) fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
