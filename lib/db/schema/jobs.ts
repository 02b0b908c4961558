// Background jobs (bulk imports) and their input lines, kept in the database so any instance
// can run them and an import survives a restart.
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { roleEnum } from './enums';
import { users } from './auth';

export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;

/** Background jobs (bulk imports), claimed by any instance with FOR UPDATE SKIP LOCKED. */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ['import'] }).notNull(),
    status: text('status', { enum: JOB_STATUSES }).notNull().default('queued'),
    total: integer('total').notNull(),
    done: integer('done').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    /** The next line to process (1-based): a job interrupted by a crash resumes here. */
    cursor: integer('cursor').notNull().default(1),
    errors: jsonb('errors').$type<{ line: number; message: string }[]>().notNull().default([]),
    /** Why a whole job failed (not a line's refusal). */
    failure: text('failure'),
    createdById: uuid('created_by_id')
      .notNull()
      .references(() => users.id),
    /** As the audit log names the actor: a user's email or `token:<name>`. */
    actorEmail: text('actor_email').notNull(),
    actorRole: roleEnum('actor_role').notNull(),
    lockedBy: text('locked_by'),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    createdAt: createdAt(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('jobs_status_created_idx').on(t.status, t.createdAt), index('jobs_created_by_idx').on(t.createdById)],
);

/** The payload of a job, one row per input line, stored in the database so any instance can run it. */
export const jobLines = pgTable(
  'job_lines',
  {
    jobId: uuid('job_id')
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    line: integer('line').notNull(),
    payload: text('payload').notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.line] })],
);

export type Job = typeof jobs.$inferSelect;
