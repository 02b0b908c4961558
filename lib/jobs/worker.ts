// The job worker. Any process may run one: it claims the oldest queued job with
// `FOR UPDATE SKIP LOCKED` (so on PostgreSQL several instances share the queue without taking
// the same job), works through its lines in chunks, and after each chunk records the progress
// and the cursor in one statement. A job whose worker stopped sending heartbeats (a crash) is
// claimed again and resumes at its cursor: imports are idempotent by externalId, so a line
// run twice changes nothing. On PGlite the server runs one in-process worker
// (instrumentation.ts), the only process that may open the data directory.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, gte, sql } from 'drizzle-orm';
import { appendAudit } from '@/lib/audit/log';
import { rowsOf, type Database } from '@/lib/db/client';
import { jobLines, jobs, type Job } from '@/lib/db/schema';
import { onJobQueued } from './queue';
import { parseJobChunkLines } from './chunk-size';

export interface LineResult {
  line: number;
  /** Absent when the line went in; the reason it was refused otherwise. */
  error?: string;
}

export type LineProcessor = (db: Database, job: Job, lines: { line: number; payload: string }[]) => Promise<LineResult[]>;

/**
 * Lines per chunk, each imported in one transaction: the progress a poller sees moves this
 * many lines at a time. Measured with npm run bench:import, 1,000 imports about 10 % faster
 * than 500 (and 2,000 no faster): fewer statements per record. The price: on the embedded
 * database a chunk holds the one connection for about a second, during which pages wait.
 */
export const JOB_CHUNK_LINES = parseJobChunkLines(process.env.HIREWATCH_JOB_CHUNK);
/** A running job without a heartbeat for this long is taken to be orphaned by a crash. */
export const STALE_AFTER_SECONDS = 60;

const processors: Partial<Record<Job['kind'], LineProcessor>> = {};

export function registerProcessor(kind: Job['kind'], processor: LineProcessor): void {
  processors[kind] = processor;
}

export const WORKER_ID = `${process.pid}-${randomUUID().slice(0, 8)}`;

/** Claims the oldest runnable job for `workerId`, or null. */
export async function claimJob(db: Database, workerId: string): Promise<Job | null> {
  const claimed = rowsOf<{ id: string }>(
    await db.execute(sql`
      update ${jobs} set status = 'running', locked_by = ${workerId}, heartbeat_at = now(), started_at = coalesce(started_at, now())
      where id = (
        select id from ${jobs}
        where status = 'queued'
           or (status = 'running' and (heartbeat_at is null or heartbeat_at < now() - make_interval(secs => ${STALE_AFTER_SECONDS})))
        order by created_at
        limit 1
        for update skip locked)
      returning id`),
  );
  if (claimed.length === 0) return null;
  const [job] = await db.select().from(jobs).where(eq(jobs.id, claimed[0].id));
  return job;
}

/** A job's counts after one of its chunks was recorded. */
export type JobProgress = Pick<Job, 'id' | 'kind' | 'total' | 'done' | 'failed'>;

/** Runs a claimed job to its end (or until `shouldStop`); the job stays claimable if stopped. */
export async function runJob(
  db: Database,
  job: Job,
  workerId: string,
  shouldStop: () => boolean = () => false,
  onProgress?: (progress: JobProgress) => void,
): Promise<void> {
  const processor = processors[job.kind];
  let cursor = job.cursor;
  try {
    if (!processor) throw new Error(`No processor for jobs of kind "${job.kind}".`);
    for (;;) {
      // PGlite answers queries through promise chains that never give the event loop a turn: a
      // job would otherwise run as one task, holding off every request, timer and signal (a
      // SIGTERM included) until its last chunk. One turn per chunk lets them in.
      await new Promise((resolve) => setImmediate(resolve));
      if (shouldStop()) {
        // Hand the job back at once rather than waiting for the heartbeat to go stale.
        await db.update(jobs).set({ status: 'queued', lockedBy: null }).where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, workerId)));
        return;
      }
      const chunk = await db
        .select({ line: jobLines.line, payload: jobLines.payload })
        .from(jobLines)
        .where(and(eq(jobLines.jobId, job.id), gte(jobLines.line, cursor)))
        .orderBy(asc(jobLines.line))
        .limit(JOB_CHUNK_LINES);
      if (chunk.length === 0) break;
      const from = cursor;
      const results = await processor(db, job, chunk);
      const refused = results.filter((r) => r.error !== undefined).map((r) => ({ line: r.line, message: storableMessage(r.error as string) }));
      cursor = chunk[chunk.length - 1].line + 1;
      const updated = await db
        .update(jobs)
        .set({
          cursor,
          done: sql`${jobs.done} + ${chunk.length - refused.length}`,
          failed: sql`${jobs.failed} + ${refused.length}`,
          errors: sql`${jobs.errors} || ${JSON.stringify(refused)}::jsonb`,
          heartbeatAt: sql`now()`,
        })
        // Only while this worker still holds it: a worker taken for dead must not double-count.
        .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, workerId), eq(jobs.cursor, from)))
        .returning({ id: jobs.id, kind: jobs.kind, total: jobs.total, done: jobs.done, failed: jobs.failed });
      if (updated.length === 0) return;
      onProgress?.(updated[0]);
    }
    await finish(db, job, workerId, 'done', null);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`[jobs] job ${job.id} failed:`, message);
    await finish(db, job, workerId, 'failed', 'The job stopped on an unexpected error; lines before it were imported. Run it again to continue.');
  }
}

/**
 * A refusal message as jsonb can hold it: messages may quote what the line sent (an unknown
 * field's name), and PostgreSQL refuses a NUL in jsonb, which would stop the whole job on the
 * line that merely had to be reported. The NUL shows as U+FFFD, the replacement character.
 */
function storableMessage(message: string): string {
  return message.replaceAll('\u0000', '\ufffd');
}

async function finish(db: Database, job: Job, workerId: string, status: 'done' | 'failed', failure: string | null): Promise<void> {
  await db.transaction(async (tx) => {
    const [finished] = await tx
      .update(jobs)
      .set({ status, failure, finishedAt: sql`now()`, lockedBy: null })
      .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, workerId)))
      .returning();
    if (!finished) return;
    // The payload holds personal data: once imported it is in the cases, not kept twice.
    if (status === 'done') await tx.delete(jobLines).where(eq(jobLines.jobId, job.id));
    await appendAudit(tx, { id: job.createdById, email: job.actorEmail }, {
      action: 'import.finished',
      targetType: 'job',
      targetId: job.id,
      after: { status, total: finished.total, done: finished.done, failed: finished.failed },
    });
  });
}

/** Runs every runnable job, one after another, until none is left (tests, the CLI). */
export async function drainJobs(db: Database, workerId = WORKER_ID): Promise<number> {
  let ran = 0;
  for (let job = await claimJob(db, workerId); job; job = await claimJob(db, workerId)) {
    await runJob(db, job, workerId);
    ran++;
  }
  return ran;
}

/**
 * The in-process worker: polls every `pollMs`, wakes at once when this process queues a job,
 * and stops between chunks when asked (each chunk also renews the job's heartbeat).
 */
export function startWorker(db: Database, options: { pollMs?: number; workerId?: string; onProgress?: (progress: JobProgress) => void } = {}): { stop: () => Promise<void> } {
  const workerId = options.workerId ?? WORKER_ID;
  const pollMs = options.pollMs ?? 2000;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;

  const tick = () => {
    if (stopping || running) return;
    running = (async () => {
      try {
        // Asked before each claim: a job handed back on stop must not be claimed again on the way out.
        while (!stopping) {
          const job = await claimJob(db, workerId);
          if (!job) break;
          await runJob(db, job, workerId, () => stopping, options.onProgress);
        }
      } catch (error) {
        console.error('[jobs] worker error:', error instanceof Error ? error.message : error);
      } finally {
        running = null;
        if (!stopping) timer = setTimeout(tick, pollMs);
      }
    })();
  };
  onJobQueued(() => {
    clearTimeout(timer);
    tick();
  });
  timer = setTimeout(tick, 0);
  return {
    stop: async () => {
      stopping = true;
      clearTimeout(timer);
      onJobQueued(undefined);
      await running;
    },
  };
}

/** On the embedded database only this process runs jobs: one left running by a crash is resumed now. */
export async function releaseOrphanedJobs(db: Database): Promise<number> {
  const released = await db.update(jobs).set({ status: 'queued', lockedBy: null }).where(eq(jobs.status, 'running')).returning({ id: jobs.id });
  return released.length;
}
