// The operator commands of `npm run hirewatch`, each against the app's database (opened by
// the caller after the embedded-database guard), with options already checked by
// ./command-input.ts. Changes go through the same business steps as the UI and are audited
// with the actor `cli:<os user>`.
import fs from 'node:fs';
import path from 'node:path';
import { and, asc, eq, gt, or } from 'drizzle-orm';
import type { StepResult } from '@/lib/actions/authorized-action';
import { ActionRefused } from '@/lib/actions/errors';
import { appendAudit } from '@/lib/audit/log';
import { createApiToken } from '@/lib/api-tokens/commands';
import type { CreateTokenInput } from '@/lib/api-tokens/validators';
import type { Database, Transaction } from '@/lib/db/client';
import { cases, users } from '@/lib/db/schema';
import { CASE_EXPORT_COLUMNS, CASE_EXPORT_SELECTION, type CaseExportRow } from '@/lib/export/case-rows';
import { toCsv } from '@/lib/export/csv';
import '@/lib/import/processor';
import { enqueueImport, viewJob, type JobLine } from '@/lib/jobs/queue';
import { claimJob, runJob, WORKER_ID } from '@/lib/jobs/worker';
import { createUser, disableUser } from '@/lib/users/commands';

import { cliActor } from './actor';
import type { UserCreateInput } from './command-input';
import { Refused } from './embedded-guard';

const CLI_ACTOR = cliActor();
const CLI_STEP_ACTOR = { id: null as unknown as string, role: 'admin' as const };

/** Runs a business step in one transaction with its audit entries, as the server actions do; a refusal exits 2. */
async function step<T extends StepResult>(db: Database, run: (tx: Transaction) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(async (tx) => {
      const result = await run(tx);
      await appendAudit(tx, CLI_ACTOR, result.audit);
      return result;
    });
  } catch (error) {
    if (error instanceof ActionRefused) {
      const fields = Object.entries(error.fieldErrors).map(([field, messages]) => `  --${field}: ${messages.join(' ')}`);
      throw new Refused([error.message, ...fields].join('\n'));
    }
    throw error;
  }
}

export async function userCreate(db: Database, { input, generated }: UserCreateInput): Promise<void> {
  const result = await step(db, (tx) => createUser(tx, CLI_STEP_ACTOR, input));
  console.log(result.message);
  if (generated) console.log(`Initial password (shown once):\n${input.password}`);
}

export async function userDisable(db: Database, email: string): Promise<void> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email.trim().toLowerCase()));
  if (!user) throw new Refused(`No user ${email}.`);
  const result = await step(db, (tx) => disableUser(tx, CLI_STEP_ACTOR, { userId: user.id }));
  console.log(result.message);
}

export async function tokenCreate(db: Database, input: CreateTokenInput): Promise<void> {
  const result = await step(db, (tx) => createApiToken(tx, { id: null }, input));
  console.error(`${result.message}\nUse it as: Authorization: Bearer <secret>`);
  // The secret alone on the last line of stdout, so scripts can take it with `tail -n 1`.
  console.log(result.secret);
}

/** The user an import is submitted as: --as, or the longest-standing active lead (then CSO). */
async function importUser(db: Database, email: string | undefined) {
  const columns = { id: users.id, email: users.email, role: users.role, disabled: users.disabled };
  if (email) {
    const [user] = await db.select(columns).from(users).where(eq(users.email, email.trim().toLowerCase()));
    if (!user || user.disabled) throw new Refused(`No active user ${email}.`);
    if (!['recruiter', 'lead', 'cso'].includes(user.role)) throw new Refused(`${email} is ${user.role}: only a recruiter, lead or CSO submits candidates.`);
    return user;
  }
  const candidates = await db.select(columns).from(users).where(and(eq(users.disabled, false), or(eq(users.role, 'lead'), eq(users.role, 'cso')))).orderBy(asc(users.createdAt));
  const chosen = candidates.find((u) => u.role === 'lead') ?? candidates[0];
  if (!chosen) throw new Refused('No active lead or CSO to import as: create one, or name a user with --as EMAIL.');
  console.error(`Importing as ${chosen.email} (choose with --as EMAIL).`);
  return chosen;
}

/** Import progress on stderr: rewritten in place on a terminal, one line per change when logged to a file. */
function progressReporter(): (job: { done: number; failed: number; total: number }, final?: boolean) => void {
  const terminal = Boolean(process.stderr.isTTY);
  let last = '';
  return (job, final = false) => {
    const text = `${job.done + job.failed} of ${job.total} lines (${job.failed} refused)`;
    if (text === last && !(final && terminal)) return;
    last = text;
    process.stderr.write(terminal ? `\r\x1b[K${text}${final ? '\n' : '…'}` : `${text}\n`);
  };
}

export async function importFile(db: Database, file: string, lines: JobLine[], options: { as?: string }): Promise<number> {
  const user = await importUser(db, options.as);
  const jobId = await enqueueImport(db, { id: user.id, email: user.email, role: user.role }, lines, `cli:${path.basename(file)}`);
  // Run it here, now (another process may be working the queue too on PostgreSQL: then this
  // one may pick up a different job first, which is fine, and waits for its own).
  const started = Date.now();
  const report = progressReporter();
  const progress = setInterval(async () => {
    const job = await viewJob(db, jobId, null);
    if (job) report(job);
  }, 500);
  try {
    for (;;) {
      const current = await viewJob(db, jobId, null);
      if (!current || current.status === 'done' || current.status === 'failed') break;
      const job = await claimJob(db, WORKER_ID);
      if (job) await runJob(db, job, WORKER_ID);
      else await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    clearInterval(progress);
  }
  const job = (await viewJob(db, jobId, null))!;
  const seconds = (Date.now() - started) / 1000;
  report(job, true);
  for (const error of job.errors) console.error(`line ${error.line}: ${error.message}`);
  console.log(`Import ${job.status}: ${job.done} imported, ${job.failed} refused, of ${job.total} (job ${jobId}, ${seconds.toFixed(1)} s).`);
  if (job.failure) console.log(job.failure);
  return job.status === 'done' && job.failed === 0 ? 0 : 1;
}

const EXPORT_BATCH = 5000;

/** Every case, by reference, in batches (keyset paging), as JSON Lines or CSV on stdout. */
export async function exportCases(db: Database, format: 'jsonl' | 'csv'): Promise<void> {
  const all: (CaseExportRow & { externalId: string | null })[] = [];
  let after = '';
  let count = 0;
  for (;;) {
    const batch = await db
      .select({ ...CASE_EXPORT_SELECTION, externalId: cases.externalId })
      .from(cases)
      .leftJoin(users, eq(users.id, cases.assigneeId))
      .where(gt(cases.reference, after))
      .orderBy(asc(cases.reference))
      .limit(EXPORT_BATCH);
    if (batch.length === 0) break;
    for (const row of batch) {
      count++;
      if (format === 'jsonl') process.stdout.write(`${JSON.stringify(row)}\n`);
      else all.push(row);
    }
    after = batch[batch.length - 1].reference;
  }
  if (format === 'csv') {
    process.stdout.write(toCsv([{ header: 'External ID', value: (r: (typeof all)[number]) => r.externalId }, ...CASE_EXPORT_COLUMNS], all));
  }
  await appendAudit(db, CLI_ACTOR, { action: 'cases.exported', targetType: 'export', targetId: `cli export cases --format ${format}`, after: { rows: count, via: 'cli' } });
}

/** `watchlist import FILE`: a CSV or a STIX 2.1 bundle, through the same step as the /watchlist page. */
export async function watchlistImport(db: Database, upload: File): Promise<number> {
  const { importWatchlistFile } = await import('@/lib/intel/watchlist-import');
  const result = await step(db, (tx) => importWatchlistFile(tx, CLI_STEP_ACTOR, { file: upload }));
  for (const line of result.details ?? []) process.stderr.write(`${line}\n`);
  console.log(result.message);
  return 0;
}

/** `watchlist export [--stix]`: the /watchlist export (CSV of every entry, or the STIX 2.1 bundle) to stdout, audited. */
export async function watchlistExport(db: Database, stix: boolean): Promise<void> {
  const { watchlistCsvRows, watchlistStixBundle } = await import('@/lib/intel/watchlist-export');
  const { WATCHLIST_EXPORT_COLUMNS } = await import('@/lib/intel/watchlist-csv');
  const format = stix ? 'stix' : 'csv';
  const body = await db.transaction(async (tx) => {
    if (stix) {
      const { bundle, indicators } = await watchlistStixBundle(tx);
      await appendAudit(tx, CLI_ACTOR, { action: 'watchlist.exported', targetType: 'export', targetId: 'cli watchlist export --stix', after: { format, indicators, bundle: bundle.id, via: 'cli' } });
      return `${JSON.stringify(bundle, null, 2)}\n`;
    }
    const rows = await watchlistCsvRows(tx);
    await appendAudit(tx, CLI_ACTOR, { action: 'watchlist.exported', targetType: 'export', targetId: 'cli watchlist export', after: { format, rows: rows.length, via: 'cli' } });
    return toCsv(WATCHLIST_EXPORT_COLUMNS, rows);
  });
  process.stdout.write(body);
}
