// Faults (issue 5, item 9). A production server of its own (e2e/faults/server-process.ts, on
// E2E_PORT + 1 and a data directory beside E2E_DATA_DIR) runs a CSO's stream of decisions and a
// bulk import of 3,000 applicant records at once, and is then
//   - killed with SIGKILL midway: every acknowledged decision is in the database exactly once,
//     no record is half-written, the audit chain holds, the data directory reopens (crash
//     recovery) with the dead server's lock taken over, and the import resumes to the right total;
//   - stopped with SIGTERM midway: it exits 0 in bounded time, having answered what it had
//     started (nothing written without an answer), finished the import chunk under way and
//     handed the job back, closed the database (pg_control says "shut down") and released the
//     lock; after a restart the import resumes to the right total.
// No browser page: requests go over HTTP as the browser sends them. The figures are printed.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { expect, test } from '@playwright/test';
import { jobToFinish, type DrillBatch } from './faults/applicant-batch';
import { alive } from '../lib/db/data-dir-lock';
import { clusterState, lockFile, readDrillState, snapshotOf } from './faults/data-dir';
import { startDrill } from './faults/drill';
import { startServer, type RunningServer } from './faults/server-process';
import { decisionProblems, recordProblems } from './faults/verdicts';

const PORT = Number(process.env.E2E_PORT ?? 3210) + 1;
const ROOT = path.resolve(`${process.env.E2E_DATA_DIR ?? '.e2e-data'}-faults`);
const SEEDED = path.join(ROOT, 'seeded');
/** Three job chunks of 1,000 lines (HIREWATCH_JOB_CHUNK): signalled after the first, the worker
 * finishes the second and must hand the third back unfinished. */
const RECORDS = 3_000;
/** The graceful stop must end within this (the server's own deadline is 25 s). */
const STOP_BOUND_MS = 30_000;

const servers: RunningServer[] = [];

async function start(dataDir: string): Promise<RunningServer> {
  const server = await startServer(dataDir, PORT);
  servers.push(server);
  return server;
}

/** A fresh copy of the seeded demo database, so each drill begins from the same state without seeding again. */
function freshDataDir(name: string): string {
  const dir = path.join(ROOT, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(SEEDED, dir, { recursive: true });
  return dir;
}

function expectJobComplete(job: { total: number; done: number; failed: number }, batch: DrillBatch): void {
  expect(job).toMatchObject({ total: RECORDS, done: batch.expected.size, failed: batch.brokenLines.length });
}

const figure = (line: string) => console.log(`[faults] ${line}`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  fs.rmSync(SEEDED, { recursive: true, force: true });
  const seeding = await start(SEEDED); // a brand-new embedded database: the server seeds the demo organization
  figure(`fresh data directory seeded and ready in ${seconds(seeding.readyMs)}`);
  seeding.signal('SIGTERM');
  expect(await seeding.exited).toMatchObject({ code: 0, signal: null });
});

// A drill that passed removes its own directories; a failed one's stay for a look. No server outlives the file.
test.afterAll(() => {
  for (const server of servers.splice(0)) if (alive(server.pid)) server.signal('SIGKILL');
  fs.rmSync(SEEDED, { recursive: true, force: true });
});

test.afterEach(async ({}, testInfo) => {
  for (const server of servers.splice(0)) {
    await testInfo.attach(`server ${server.pid} output`, { body: server.output(), contentType: 'text/plain' });
    if (alive(server.pid)) {
      server.signal('SIGKILL');
      await server.exited;
    }
  }
});

test('SIGKILL during decisions and an import: acknowledged decisions kept once, no record half-written, the import resumes', async () => {
  test.setTimeout(300_000);
  const dataDir = freshDataDir('killed');
  const first = await start(dataDir);
  const { drill, firstChunk: atKill } = await startDrill(first, 'kill', RECORDS);

  first.signal('SIGKILL');
  expect((await first.exited).signal).toBe('SIGKILL');
  await drill.stream.stop();
  const acknowledged = drill.stream.acknowledged().length;
  const unanswered = drill.stream.unanswered().length;
  const batchAnswered = 'jobId' in (await drill.accepted);

  // What the crash left: a database never shut down, and the dead server's lock.
  expect(clusterState(dataDir)).toBe('in production');
  expect(lockFile(dataDir)?.pid).toBe(first.pid);
  expect(alive(first.pid)).toBe(false);

  // A copy of the crashed files opens (PostgreSQL crash recovery) and holds only whole work.
  const crashed = await readDrillState(snapshotOf(dataDir, path.join(ROOT, 'killed-as-left')), drill.query);
  expect(decisionProblems(drill.stream, crashed, { unansweredMayHaveCommitted: true })).toEqual([]);
  expect(recordProblems(drill.batch, crashed, { all: false })).toEqual([]);
  expect(crashed.chain).toMatchObject({ ok: true });
  expect(crashed.job?.status).toBe('running');
  expect(crashed.job!.done).toBeLessThan(drill.batch.expected.size);
  // The chunk under way may have committed its first transaction before its progress was recorded.
  expect(crashed.imported.size).toBeGreaterThanOrEqual(crashed.job!.done);

  // Restart on the same directory: the stale lock does not block it, the database recovers.
  const second = await start(dataDir);
  expect(lockFile(dataDir)?.pid).toBe(second.pid);
  const job = await jobToFinish(second.base, drill.token, drill.jobId, 180_000);
  expect(job.status).toBe('done');
  expectJobComplete(job, drill.batch);
  expect(job.errors.map((e) => e.line)).toEqual(drill.batch.brokenLines);
  // The CSO's session survives the restart; reloading each case shows which unanswered decision was written.
  const writtenUnanswered = await drill.stream.resync(drill.cso);
  expect(writtenUnanswered.map((a) => a.rationale).sort()).toEqual(drill.stream.unanswered().filter((a) => crashed.decisionRows.has(a.rationale)).map((a) => a.rationale).sort());
  drill.stream.run(2); // and decisions go on
  await drill.stream.settled();
  expect(drill.stream.refused()).toEqual([]);

  const stopSignalledAt = second.signal('SIGTERM');
  expect(await second.exited).toMatchObject({ code: 0 });
  const stopMs = performance.now() - stopSignalledAt;
  const final = await readDrillState(dataDir, drill.query);
  expect(decisionProblems(drill.stream, final, { unansweredMayHaveCommitted: true })).toEqual([]);
  expect(recordProblems(drill.batch, final, { all: true })).toEqual([]);
  expect(final.chain).toMatchObject({ ok: true });
  expect(final.job).toMatchObject({ status: 'done', errorLines: drill.batch.brokenLines });
  expect(final.jobFinishedAudits).toBe(1);

  figure(
    `SIGKILL: ${acknowledged} decisions acknowledged and ${unanswered} unanswered at the kill (${writtenUnanswered.length} of those written); ` +
      `killed as the import logged ${atKill.done}/${RECORDS} (batch upload ${batchAnswered ? 'answered' : 'unanswered'}), ${crashed.job!.done} recorded as done and ${crashed.imported.size} records in the database at the kill`,
  );
  figure(
    `SIGKILL: crashed copy reopened in ${seconds(crashed.openMs)}; restart ready in ${seconds(second.readyMs)} (first start ${seconds(first.readyMs)}); ` +
      `import finished ${job.done} + ${job.failed} refused of ${job.total}; ${drill.stream.acknowledged().length} decisions in all (slowest answer ${seconds(drill.stream.slowestAnswerMs())}); graceful stop ${seconds(stopMs)}; audit chain ${final.chain.checked} entries intact`,
  );
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(path.join(ROOT, 'killed-as-left'), { recursive: true, force: true });
});

test('SIGTERM during decisions and an import: answers what it started, closes the database, releases the lock, exits 0; the import resumes', async () => {
  test.setTimeout(300_000);
  const dataDir = freshDataDir('stopped');
  const first = await start(dataDir);
  const { drill, firstChunk: atSignal } = await startDrill(first, 'term', RECORDS);

  const signalledAt = first.signal('SIGTERM');
  const exit = await Promise.race([first.exited, new Promise<null>((resolve) => setTimeout(() => resolve(null), STOP_BOUND_MS))]);
  expect(exit, `still running ${STOP_BOUND_MS} ms after SIGTERM`).not.toBeNull();
  expect(exit).toMatchObject({ code: 0, signal: null });
  const stopMs = exit!.at - signalledAt;
  await drill.stream.stop();
  const answeredAfterSignal = drill.stream.acknowledged().filter((a) => a.answeredAt! > signalledAt).length;
  // The decisions waiting behind the import chunk when the signal came are answered, not dropped.
  expect(answeredAfterSignal, 'decisions in flight at the signal answered after it').toBeGreaterThan(0);
  // The batch upload was in flight too: it got its 202.
  expect(await drill.accepted).toEqual({ jobId: drill.jobId });

  // Closed, not abandoned: PostgreSQL's shutdown flag is set and the lock is gone.
  expect(clusterState(dataDir)).toBe('shut down');
  expect(lockFile(dataDir)).toBeNull();

  const stopped = await readDrillState(dataDir, drill.query);
  // Nothing in flight was cut off: every decision written was answered.
  expect(decisionProblems(drill.stream, stopped, { unansweredMayHaveCommitted: false })).toEqual([]);
  expect(recordProblems(drill.batch, stopped, { all: false })).toEqual([]);
  expect(stopped.chain).toMatchObject({ ok: true });
  // The worker finished the chunk it held, recorded it and handed the job back unfinished.
  expect(stopped.job).toMatchObject({ status: 'queued', lockedBy: null });
  expect(stopped.job!.done).toBeLessThan(drill.batch.expected.size);
  expect(stopped.imported.size).toBe(stopped.job!.done);
  expect(stopped.job!.cursor - 1).toBe(stopped.job!.done + stopped.job!.failed);

  const second = await start(dataDir);
  expect(await drill.stream.resync(drill.cso)).toEqual([]);
  const job = await jobToFinish(second.base, drill.token, drill.jobId, 180_000);
  expect(job.status).toBe('done');
  expectJobComplete(job, drill.batch);
  expect(job.errors.map((e) => e.line)).toEqual(drill.batch.brokenLines);
  second.signal('SIGTERM');
  expect(await second.exited).toMatchObject({ code: 0 });

  const final = await readDrillState(dataDir, drill.query);
  expect(decisionProblems(drill.stream, final, { unansweredMayHaveCommitted: false })).toEqual([]);
  expect(recordProblems(drill.batch, final, { all: true })).toEqual([]);
  expect(final.chain).toMatchObject({ ok: true });
  expect(final.jobFinishedAudits).toBe(1);

  figure(
    `SIGTERM: exit 0 after ${seconds(stopMs)}; ${drill.stream.acknowledged().length} decisions acknowledged (${answeredAfterSignal} answered after the signal, slowest answer ${seconds(drill.stream.slowestAnswerMs())}), ` +
      `${drill.stream.unanswered().length} unanswered and not written (${[...new Set(drill.stream.unanswered().map((a) => a.error))].join(', ')}); signalled as the import logged ${atSignal.done}/${RECORDS}, ${stopped.job!.done} done at exit (cursor ${stopped.job!.cursor}); ` +
      `reopened in ${seconds(stopped.openMs)} without recovery; restart ready in ${seconds(second.readyMs)}; import finished ${job.done} + ${job.failed} refused of ${job.total}`,
  );
  fs.rmSync(dataDir, { recursive: true, force: true });
});
