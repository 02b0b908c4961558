// Every case of one /cases view, for the CSV export: the very filters and order of the list
// (lib/cases/list.ts), without the paging, capped so one request stays bounded.
import { and, eq } from 'drizzle-orm';
import type { SessionUser } from '@/lib/auth/session';
import { caseListColumns, caseListFilters, caseListOrder } from '@/lib/cases/list';
import type { CaseListParams } from '@/lib/cases/list-params';
import { getDb } from '@/lib/db/client';
import { cases, users } from '@/lib/db/schema';
import type { CaseStatus } from '@/lib/domain';
import type { CsvColumn } from './csv';

export const CASE_EXPORT_LIMIT = 50_000;

export interface CaseExportRow {
  reference: string;
  claimedName: string;
  resumeName: string;
  jobRole: string;
  region: (typeof cases.$inferSelect)['region'];
  status: CaseStatus;
  riskScore: number;
  riskBand: (typeof cases.$inferSelect)['riskBand'];
  assigneeName: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The columns of an exported case (with `users` left-joined as the assignee). */
/** The case list's columns, plus what a spreadsheet wants that the table does not show. */
export const CASE_EXPORT_SELECTION = { ...caseListColumns, resumeName: cases.resumeName, createdAt: cases.createdAt };

/** All cases of the view (params.page is ignored), at most `limit`. */
export async function exportCaseRows(
  params: CaseListParams,
  viewer: Pick<SessionUser, 'id'>,
  limit: number = CASE_EXPORT_LIMIT,
): Promise<CaseExportRow[]> {
  const db = await getDb();
  return db
    .select(CASE_EXPORT_SELECTION)
    .from(cases)
    .leftJoin(users, eq(users.id, cases.assigneeId))
    .where(and(...caseListFilters(params, viewer, db), params.status ? eq(cases.status, params.status) : undefined))
    .orderBy(...caseListOrder(params))
    .limit(Math.min(limit, CASE_EXPORT_LIMIT));
}

export const CASE_EXPORT_COLUMNS: readonly CsvColumn<CaseExportRow>[] = [
  { header: 'Reference', value: (r) => r.reference },
  { header: 'Claimed name', value: (r) => r.claimedName },
  { header: 'Resume name', value: (r) => r.resumeName },
  { header: 'Job role', value: (r) => r.jobRole },
  { header: 'Region', value: (r) => r.region },
  { header: 'Status', value: (r) => r.status },
  { header: 'Risk score', value: (r) => r.riskScore },
  { header: 'Risk band', value: (r) => r.riskBand },
  { header: 'Assignee', value: (r) => r.assigneeName },
  { header: 'Created at', value: (r) => r.createdAt },
  { header: 'Updated at', value: (r) => r.updatedAt },
];
