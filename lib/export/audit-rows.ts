// Every audit entry of one /audit view, for the CSV export: the same filters and order as
// listAudit (lib/audit/queries.ts), without the paging, capped so one request stays bounded.
import { and, desc, eq } from 'drizzle-orm';
import { AUDIT_LIST_COLUMNS, auditListFilters, type AuditListParams, type AuditListRow } from '@/lib/audit/queries';
import { getDb } from '@/lib/db/client';
import { auditLog, cases } from '@/lib/db/schema';
import type { CsvColumn } from './csv';

export const AUDIT_EXPORT_LIMIT = 100_000;

/** An /audit row plus the hash-chain columns. */
export type AuditExportRow = AuditListRow & { prevHash: string | null; hash: string | null };

/** All entries of the view (params.page is ignored), newest first, at most `limit`. */
export async function exportAuditRows(params: AuditListParams, limit: number = AUDIT_EXPORT_LIMIT): Promise<AuditExportRow[]> {
  const db = await getDb();
  return db
    .select({ ...AUDIT_LIST_COLUMNS, prevHash: auditLog.prevHash, hash: auditLog.hash })
    .from(auditLog)
    .leftJoin(cases, eq(cases.id, auditLog.caseId))
    .where(and(...auditListFilters(params)))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(Math.min(limit, AUDIT_EXPORT_LIMIT));
}

const json = (value: Record<string, unknown> | null) => (value == null ? null : JSON.stringify(value));

export const AUDIT_EXPORT_COLUMNS: readonly CsvColumn<AuditExportRow>[] = [
  { header: 'ID', value: (r) => r.id },
  { header: 'At', value: (r) => r.at },
  { header: 'Actor', value: (r) => r.actorEmail },
  { header: 'Action', value: (r) => r.action },
  { header: 'Target type', value: (r) => r.targetType },
  { header: 'Target ID', value: (r) => r.targetId },
  { header: 'Case reference', value: (r) => r.caseReference },
  { header: 'Before', value: (r) => json(r.before) },
  { header: 'After', value: (r) => json(r.after) },
  { header: 'IP', value: (r) => r.ip },
  { header: 'User agent', value: (r) => r.userAgent },
  { header: 'Prev hash', value: (r) => r.prevHash },
  { header: 'Hash', value: (r) => r.hash },
];
