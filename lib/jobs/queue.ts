// Background jobs kept in the database (tables `jobs` and `job_lines`): enqueueing stores the
// whole payload, one row per input line, so a job survives a page reload, a restart and a
// crash, and on PostgreSQL any instance can run it (lib/jobs/worker.ts).
import { and, eq, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit, type AuditActor } from '@/lib/audit/log';
import type { Database } from '@/lib/db/client';
import { jobLines, jobs, type Job } from '@/lib/db/schema';
import type { Role } from '@/lib/domain';

/** The most lines one import job takes (the API's NDJSON limit). */
export const MAX_JOB_LINES = 10_000;

export interface JobOwner extends AuditActor {
  id: string;
  role: Role;
}

/** What GET /api/v1/jobs/{jobId} and the import page's progress bar show. */
export interface JobView {
  jobId: string;
  status: Job['status'];
  total: number;
  done: number;
  failed: number;
  errors: { line: number; message: string }[];
  failure: string | null;
  createdAt: string;
  finishedAt: string | null;
}

const INSERT_BATCH = 1000;

export interface JobLine {
  /** The line (JSON Lines) or row (CSV) number as the sender counts it, so errors point into their file. */
  line: number;
  payload: string;
}

/**
 * Queues an import of `lines` (in increasing line order) and audits it, in one transaction:
 * the job exists with its whole payload or not at all.
 */
export async function enqueueImport(db: Database, owner: JobOwner, lines: JobLine[], source: string): Promise<string> {
  const jobId = await db.transaction(async (tx) => {
    const [job] = await tx
      .insert(jobs)
      .values({ kind: 'import', total: lines.length, createdById: owner.id, actorEmail: owner.email, actorRole: owner.role })
      .returning({ id: jobs.id });
    for (let start = 0; start < lines.length; start += INSERT_BATCH) {
      await tx.insert(jobLines).values(lines.slice(start, start + INSERT_BATCH).map(({ line, payload }) => ({ jobId: job.id, line, payload })));
    }
    await appendAudit(tx, owner, { action: 'import.queued', targetType: 'job', targetId: job.id, after: { lines: lines.length, source } });
    return job.id;
  });
  notifyWorker();
  return jobId;
}

/** A job as its owner sees it; `scopeToOwner` limits it to jobs that owner created. */
export async function viewJob(db: Database, jobId: string, scopeToOwner: string | null): Promise<JobView | null> {
  // Only a well-formed UUID reaches the uuid column: anything else ("----…", a typo) would be
  // refused by the database as a server error instead of simply naming no job.
  if (!z.uuid().safeParse(jobId).success) return null;
  const [job] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.id, jobId), scopeToOwner ? eq(jobs.createdById, scopeToOwner) : undefined));
  if (!job) return null;
  return {
    jobId: job.id,
    status: job.status,
    total: job.total,
    done: job.done,
    failed: job.failed,
    errors: [...job.errors].sort((a, b) => a.line - b.line),
    failure: job.failure,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

/** Jobs still to run or running, oldest first (the CLI waits on these). */
export async function pendingJobCount(db: Database): Promise<number> {
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(jobs).where(or(eq(jobs.status, 'queued'), eq(jobs.status, 'running')));
  return n;
}

// The in-process worker of this instance registers here, so a new job starts at once
// instead of at its next poll. Kept on globalThis: route handlers and instrumentation may be
// separate module instances in Next.js.
const globalForJobs = globalThis as unknown as { hirewatchJobWake?: () => void };

export function onJobQueued(wake: (() => void) | undefined): void {
  globalForJobs.hirewatchJobWake = wake;
}

function notifyWorker(): void {
  globalForJobs.hirewatchJobWake?.();
}
