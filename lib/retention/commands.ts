// Retention: the setting, and the run that erases every cleared applicant whose clearance is
// older than the retention period. Used by the admin page (server actions) and by the CLI
// (npm run hirewatch -- retention run [--dry-run]).
import { and, asc, eq, isNull, lt } from 'drizzle-orm';
import type { StepResult } from '@/lib/actions/authorized-action';
import type { SessionUser } from '@/lib/auth/session';
import type { DbOrTx, Transaction } from '@/lib/db/client';
import { cases } from '@/lib/db/schema';
import { caseByReference } from '@/lib/cases/commands';
import { deleteEvidence } from '@/lib/evidence/store';
import { getRetentionDays, setRetentionDays } from '@/lib/settings';
import { eraseCase } from './erase';
import type { RetentionDaysInput } from './validators';

const DAY_MS = 24 * 60 * 60 * 1000;

export async function changeRetention(tx: Transaction, _actor: Pick<SessionUser, 'id'>, input: RetentionDaysInput): Promise<StepResult> {
  const before = await getRetentionDays(tx);
  await setRetentionDays(tx, input.days);
  return {
    message: `Cleared applicants' personal data is now erased ${input.days} days after the clearance.`,
    audit: { action: 'settings.changed', targetType: 'settings', targetId: 'retention_days', before: { retentionDays: before }, after: { retentionDays: input.days } },
    revalidate: ['/admin'],
  };
}

/** Cleared, not yet erased, and cleared before the cut-off: due for erasure. */
export async function dueForErasure(db: DbOrTx, now: Date = new Date()) {
  const retentionDays = await getRetentionDays(db);
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  const due = await db
    .select({ reference: cases.reference, decidedAt: cases.decidedAt })
    .from(cases)
    .where(and(eq(cases.status, 'cleared'), isNull(cases.erasedAt), lt(cases.decidedAt, cutoff)))
    .orderBy(asc(cases.decidedAt), asc(cases.reference));
  return { retentionDays, cutoff, due };
}

export interface RetentionRun extends StepResult {
  erased: string[];
  cutoff: Date;
  retentionDays: number;
}

/**
 * Erases every case due, in the caller's transaction (all or nothing). The evidence files are
 * removed only after the commit (`afterCommit`), so a rollback never leaves a row whose bytes
 * are gone. With `dryRun` it only lists what would be erased.
 */
export async function runRetention(tx: Transaction, options: { dryRun?: boolean; now?: Date } = {}): Promise<RetentionRun> {
  const { retentionDays, cutoff, due } = await dueForErasure(tx, options.now);
  if (options.dryRun || due.length === 0) {
    return { erased: due.map((d) => d.reference), cutoff, retentionDays, audit: [], message: due.length === 0 ? 'Nothing is due for erasure.' : `${due.length} case(s) would be erased.` };
  }
  const audit: StepResult['audit'] = [];
  const orphaned = new Set<string>();
  for (const { reference } of due) {
    const subject = await caseByReference(tx, reference);
    const erasure = await eraseCase(tx, subject, { retentionDays });
    audit.push(erasure.audit);
    for (const sha256 of erasure.orphanedFiles) orphaned.add(sha256);
  }
  return {
    erased: due.map((d) => d.reference),
    cutoff,
    retentionDays,
    audit,
    message: `Erased the personal data of ${due.length} cleared applicant(s).`,
    revalidate: ['/cases', '/network', '/admin'],
    afterCommit: async () => {
      for (const sha256 of orphaned) await deleteEvidence(sha256);
    },
  };
}
