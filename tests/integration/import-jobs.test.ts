// Bulk import through the job queue, on PGlite and PostgreSQL: 10,000 lines with 3 broken ones
// (9,997 in, 3 reported by line number, nothing of them written), a job interrupted mid-way
// that resumes without duplicates, a worker stopped mid-job that hands its job back, and a job
// orphaned by a dead worker that another claims.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/lib/db/client';
import { closeTestDb, countRows, createUser, openTestDb, postgresSkipped, seedReference, type TestUser } from './test-db';

function line(externalId: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    externalId,
    claimedName: `Applicant ${externalId}`,
    resumeName: `Applicant ${externalId}`,
    role: 'Engineer',
    region: 'NA',
    source: 'ats_import',
    identifiers: [{ kind: 'email', value: `${externalId}@example.org` }],
    ...extra,
  });
}

describe.skipIf(postgresSkipped)('import jobs', async () => {
  let db: Database;
  let lead: TestUser;
  const { enqueueImport, viewJob } = await import('@/lib/jobs/queue');
  const { claimJob, drainJobs, JOB_CHUNK_LINES, runJob, startWorker } = await import('@/lib/jobs/worker');
  await import('@/lib/import/processor');

  beforeAll(async () => {
    db = await openTestDb();
    await seedReference(db);
    lead = await createUser(db, 'lead');
  });

  afterAll(async () => {
    await closeTestDb();
  });

  it('imports 10,000 lines with 3 broken ones: 9,997 in, the 3 reported by line number, nothing partial', { timeout: 600_000 }, async () => {
    const broken = new Map([
      [17, '{"externalId": "BROKEN-17", '],
      [5000, line('BROKEN-5000', { identifiers: [{ kind: 'email', value: 'not an email' }] })],
      [9999, line('BROKEN-9999', { indicators: [{ code: 'no_such_indicator', evidence: 'Invented for the test.' }] })],
    ]);
    const lines = Array.from({ length: 10_000 }, (_, i) => ({ line: i + 1, payload: broken.get(i + 1) ?? line(`BULK-${i + 1}`) }));
    const jobId = await enqueueImport(db, { id: lead.id, email: lead.email, role: 'lead' }, lines, 'test');
    await drainJobs(db);
    const job = await viewJob(db, jobId, null);
    expect(job).toMatchObject({ status: 'done', total: 10_000, done: 9_997, failed: 3 });
    expect(job!.errors.map((e) => e.line)).toEqual([17, 5000, 9999]);
    expect(job!.errors[1].message).toMatch(/identifiers\.0\.value/);
    expect(job!.errors[2].message).toMatch(/indicators\.0\.code/);
    expect(await countRows(db, 'cases', sql`external_id like 'BULK-%'`)).toBe(9_997);
    // Nothing of a refused record: no case, no identifier.
    expect(await countRows(db, 'cases', sql`external_id like 'BROKEN-%'`)).toBe(0);
    expect(await countRows(db, 'identifiers', sql`normalized like 'broken-%'`)).toBe(0);
    expect(await countRows(db, 'identifiers', sql`normalized like 'bulk-%'`)).toBe(9_997);
    // The payload (personal data) is not kept once imported.
    expect(await countRows(db, 'job_lines', sql`job_id = ${jobId}`)).toBe(0);
    expect(await countRows(db, 'audit_log', sql`action = 'import.finished' and target_id = ${jobId}`)).toBe(1);
  });

  it('a job stopped after its first chunk resumes at its cursor: every line once, no duplicate case', async () => {
    // More lines than one chunk holds, so that the job stops halfway.
    const total = JOB_CHUNK_LINES + 200;
    const lines = Array.from({ length: total }, (_, i) => ({ line: i + 1, payload: line(`RESUME-${i + 1}`) }));
    const jobId = await enqueueImport(db, { id: lead.id, email: lead.email, role: 'lead' }, lines, 'test');
    const job = await claimJob(db, 'worker-a');
    expect(job?.id).toBe(jobId);
    let chunks = 0;
    const progress: { done: number; total: number }[] = [];
    await runJob(db, job!, 'worker-a', () => chunks++ >= 1, ({ done, total }) => progress.push({ done, total }));
    const halfway = await viewJob(db, jobId, null);
    expect(halfway?.status).toBe('queued');
    expect(halfway!.done).toBeGreaterThan(0);
    expect(halfway!.done).toBeLessThan(total);
    // Progress is reported once per recorded chunk, with the counts as stored.
    expect(progress).toEqual([{ done: halfway!.done, total }]);
    await drainJobs(db, 'worker-b');
    expect(await viewJob(db, jobId, null)).toMatchObject({ status: 'done', done: total, failed: 0 });
    expect(await countRows(db, 'cases', sql`external_id like 'RESUME-%'`)).toBe(total);
  });

  it('the in-process worker stopped after a chunk hands the job back and does not claim it again on the way out', async () => {
    const total = JOB_CHUNK_LINES + 200;
    const lines = Array.from({ length: total }, (_, i) => ({ line: i + 1, payload: line(`HANDBACK-${i + 1}`) }));
    const jobId = await enqueueImport(db, { id: lead.id, email: lead.email, role: 'lead' }, lines, 'test');
    let stopped: Promise<void> | undefined;
    await new Promise<void>((firstChunk) => {
      // Stopped the way a SIGTERM stops it (lib/server/graceful-shutdown.ts): as soon as a chunk is recorded.
      const worker = startWorker(db, { workerId: 'worker-s', pollMs: 60_000, onProgress: () => ((stopped ??= worker.stop()), firstChunk()) });
    });
    await stopped;
    expect(await viewJob(db, jobId, null)).toMatchObject({ status: 'queued', done: JOB_CHUNK_LINES });
    expect(await countRows(db, 'jobs', sql`id = ${jobId} and locked_by is null`)).toBe(1);
    await drainJobs(db, 'worker-t');
    expect(await viewJob(db, jobId, null)).toMatchObject({ status: 'done', done: total });
  });

  it('a running job whose worker stopped beating is claimed by another, and a fresh one is not', async () => {
    const jobId = await enqueueImport(db, { id: lead.id, email: lead.email, role: 'lead' }, [{ line: 1, payload: line('ORPHAN-1') }], 'test');
    await db.execute(sql`update jobs set status = 'running', locked_by = 'dead-worker', heartbeat_at = now() where id = ${jobId}`);
    expect(await claimJob(db, 'worker-c')).toBeNull();
    await db.execute(sql`update jobs set heartbeat_at = now() - interval '5 minutes' where id = ${jobId}`);
    const claimed = await claimJob(db, 'worker-c');
    expect(claimed?.id).toBe(jobId);
    await runJob(db, claimed!, 'worker-c');
    expect(await viewJob(db, jobId, null)).toMatchObject({ status: 'done', done: 1 });
  });

  it('re-importing the same lines changes nothing (idempotent by externalId)', async () => {
    const before = await countRows(db, 'cases');
    const jobId = await enqueueImport(db, { id: lead.id, email: lead.email, role: 'lead' }, [{ line: 1, payload: line('RESUME-1') }, { line: 2, payload: line('RESUME-2') }], 'test');
    await drainJobs(db);
    expect(await viewJob(db, jobId, null)).toMatchObject({ status: 'done', done: 2, failed: 0 });
    expect(await countRows(db, 'cases')).toBe(before);
  });

  it('reports a line whose unknown field is named with a NUL, instead of failing the job (found by the REST API fuzz suite)', async () => {
    const nulKey = line('NUL-KEY-1').replace('{', '{"a\\u0000b":1,');
    const jobId = await enqueueImport(db, { id: lead.id, email: lead.email, role: 'lead' }, [{ line: 1, payload: nulKey }, { line: 2, payload: line('NUL-KEY-2') }], 'test');
    await drainJobs(db);
    const job = await viewJob(db, jobId, null);
    expect(job).toMatchObject({ status: 'done', done: 1, failed: 1, failure: null });
    expect(job!.errors[0]).toEqual({ line: 1, message: 'record: Unknown field: a\ufffdb.' });
  });
});
