// npm run bench:import — bulk import speed on the embedded database, through the job path
// (queue → worker → applicant-record batch import), as the API batch and /import use it.
// Prints applicants per second for N records (default 10,000; BENCH_RECORDS to change) on a
// fresh PGlite data directory in a temp folder (BENCH_DATA_DIR=memory:// for RAM). One in
// fifty applicants shares a phone with another, so linking and networks do real work.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const records = Number(process.env.BENCH_RECORDS ?? 10_000);
const dir = process.env.BENCH_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'hirewatch-bench-'));
process.env.HIREWATCH_DATA_DIR = dir;
delete process.env.DATABASE_URL;

async function main() {
  const { closeDb, getDb } = await import('@/lib/db/client');
  const { seedReferenceData } = await import('@/lib/db/seed/reference-data');
  const { users } = await import('@/lib/db/schema');
  const { enqueueImport, viewJob } = await import('@/lib/jobs/queue');
  const { drainJobs } = await import('@/lib/jobs/worker');
  await import('@/lib/import/processor');

  const db = await getDb();
  await seedReferenceData(db);
  const [lead] = await db.insert(users).values({ email: 'bench-lead@hirewatch.test', name: 'Bench lead', role: 'lead', passwordHash: 'x' }).returning();
  const lines = Array.from({ length: records }, (_, i) => ({
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
  const queuedAt = performance.now();
  const jobId = await enqueueImport(db, { id: lead.id, email: lead.email, role: 'lead' }, lines, 'bench');
  const startedAt = performance.now();
  await drainJobs(db);
  const finishedAt = performance.now();
  const job = await viewJob(db, jobId, null);
  const seconds = (finishedAt - startedAt) / 1000;
  console.log(`records: ${records}; imported ${job?.done}, refused ${job?.failed} (status ${job?.status})`);
  console.log(`queueing: ${((startedAt - queuedAt) / 1000).toFixed(2)} s; import: ${seconds.toFixed(2)} s`);
  console.log(`${Math.round(records / seconds)} applicants/s (embedded database, ${dir === 'memory://' ? 'in memory' : 'on disk'}, ${os.cpus().length} CPU cores)`);
  await closeDb();
  if (!process.env.BENCH_DATA_DIR) fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
