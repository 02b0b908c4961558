// The append-only audit log. Entries are written inside the transaction of the change they
// describe, so the log never records what did not happen nor misses what did.
import type { DbOrTx } from '@/lib/db/client';
import { auditLog } from '@/lib/db/schema';

export type AuditAction =
  | 'case.submitted'
  | 'case.assigned'
  | 'case.moved'
  | 'case.decided'
  | 'case.identifier_added'
  | 'case.indicator_added'
  | 'case.interview_added'
  | 'case.proofing_recorded'
  | 'case.note_added'
  | 'clearance.viewed'
  | 'watchlist.added'
  | 'watchlist.marked_false_positive'
  | 'watchlist.expired'
  | 'user.created'
  | 'user.disabled'
  | 'user.enabled'
  | 'settings.changed';

export interface AuditInput {
  action: AuditAction;
  targetType: 'case' | 'user' | 'watchlist' | 'settings';
  targetId: string;
  caseId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Only the demo seed back-dates entries; everything else is stamped by the database. */
  at?: Date;
}

export interface AuditActor {
  id: string | null;
  email: string;
  ip?: string | null;
  userAgent?: string | null;
}

export async function appendAudit(db: DbOrTx, actor: AuditActor, entries: AuditInput | AuditInput[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  await db.insert(auditLog).values(
    list.map((entry) => ({
      ...(entry.at ? { at: entry.at } : {}),
      actorId: actor.id,
      actorEmail: actor.email,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      caseId: entry.caseId ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
      ip: actor.ip ?? null,
      userAgent: actor.userAgent?.slice(0, 300) ?? null,
    })),
  );
}
