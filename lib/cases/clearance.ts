// What a recruiter may learn: the clearance of the candidates they submitted, nothing more.
// Scoped in SQL, selected column by column, and every lookup is audited.
import { count, desc, eq } from 'drizzle-orm';
import { appendAudit } from '@/lib/audit/log';
import type { RequestMeta } from '@/lib/audit/request-meta';
import { can } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { cases } from '@/lib/db/schema';
import { clearanceOf, type Clearance } from '@/lib/domain';

export interface ClearanceRow {
  reference: string;
  claimedName: string;
  jobRole: string;
  clearance: Clearance;
  lastChangedAt: Date;
}

export const CLEARANCE_PAGE_SIZE = 25;

export async function listClearance(
  viewer: SessionUser,
  page: number,
  meta: RequestMeta,
): Promise<{ rows: ClearanceRow[]; total: number }> {
  const db = await getDb();
  // Leads and CSOs see every candidate; anyone else only their own submissions.
  const scope = can(viewer.role, 'clearance:read-all') ? undefined : eq(cases.submittedById, viewer.id);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ reference: cases.reference, claimedName: cases.claimedName, jobRole: cases.jobRole, status: cases.status, lastChangedAt: cases.statusChangedAt })
      .from(cases)
      .where(scope)
      .orderBy(desc(cases.statusChangedAt), desc(cases.reference))
      .limit(CLEARANCE_PAGE_SIZE)
      .offset((page - 1) * CLEARANCE_PAGE_SIZE),
    db.select({ total: count() }).from(cases).where(scope),
  ]);
  // A router prefetch is nobody looking: only real views are recorded.
  if (!meta.prefetch) {
    await appendAudit(db, { id: viewer.id, email: viewer.email, ip: meta.ip, userAgent: meta.userAgent }, {
      action: 'clearance.viewed',
      targetType: 'case',
      targetId: rows.length === 1 ? rows[0].reference : `${rows.length} candidates`,
      after: { page, references: rows.map((r) => r.reference) },
    });
  }
  return {
    rows: rows.map(({ status, ...row }) => ({ ...row, clearance: clearanceOf(status) })),
    total,
  };
}
