// The case list: one page of one filtered, sorted view, and the counts per status for it.
//
// At 100k cases neither part may touch every row. A page is read along the index of its
// sort (lib/db/schema/cases.ts cases_list_*): the Previous/Next links carry a keyset cursor (the reference
// of the last or first row shown, `after` / `before`), so a deep page costs what the first
// one does; a page number typed by hand (no cursor) finds its first row with an index-only
// scan and reads only that page's rows. The status tabs read the kept counters of
// case_counts, unless the view filters by assignee or text, which only the cases can answer.
// A page number typed by hand is read from the nearer end of the view (the counts say where
// that is), so the deepest pages cost what the middle one does.
import { and, asc, count, desc, eq, exists, ilike, inArray, isNull, or, sql, sum, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AnyColumn } from 'drizzle-orm';
import type { SessionUser } from '@/lib/auth/session';
import { getDb, type DbOrTx } from '@/lib/db/client';
import { likePattern } from '@/lib/db/like-pattern';
import { caseCounts, cases, identifiers, users } from '@/lib/db/schema';
import { CASE_STATUSES, type CaseStatus } from '@/lib/domain';
import { CASE_PAGE_SIZE, type CaseListParams } from './list-params';

export interface CaseListRow {
  reference: string;
  claimedName: string;
  jobRole: string;
  region: (typeof cases.$inferSelect)['region'];
  status: CaseStatus;
  riskScore: number;
  riskBand: (typeof cases.$inferSelect)['riskBand'];
  assigneeName: string | null;
  updatedAt: Date;
}

/** The WHERE conditions of a view, status aside (the status tabs count across it). Shared with the CSV export. */
export function caseListFilters(params: CaseListParams, viewer: Pick<SessionUser, 'id'>, db: DbOrTx): SQL[] {
  const where: SQL[] = [];
  if (params.band) where.push(eq(cases.riskBand, params.band));
  if (params.region) where.push(eq(cases.region, params.region));
  if (params.assignee === 'me') where.push(eq(cases.assigneeId, viewer.id));
  else if (params.assignee === 'unassigned') where.push(isNull(cases.assigneeId));
  else if (params.assignee) where.push(eq(cases.assigneeId, params.assignee));
  if (params.q) {
    const pattern = likePattern(params.q);
    where.push(
      or(
        ilike(cases.reference, pattern),
        ilike(cases.claimedName, pattern),
        ilike(cases.resumeName, pattern),
        exists(
          db
            .select({ one: sql`1` })
            .from(identifiers)
            .where(and(eq(identifiers.caseId, cases.id), eq(identifiers.kind, 'email'), ilike(identifiers.value, pattern))),
        ),
      )!,
    );
  }
  return where;
}

/** The column a view sorts by. Statuses sort in the case_status enum's order: the lifecycle's. */
function sortKey(sort: CaseListParams['sort'], table: Record<'updatedAt' | 'riskScore' | 'status' | 'claimedName', AnyColumn> = cases): SQL {
  switch (sort) {
    case 'updated':
      return sql`${table.updatedAt}`;
    case 'risk':
      return sql`${table.riskScore}`;
    case 'status':
      return sql`${table.status}`;
    case 'name':
      return sql`lower(${table.claimedName})`;
  }
}

/** The ORDER BY of a view, the reference breaking ties in the same direction (so one index serves it). */
export function caseListOrder(params: Pick<CaseListParams, 'sort' | 'dir'>, reversed = false) {
  const ascending = (params.dir === 'asc') !== reversed;
  const direction = ascending ? asc : desc;
  return [direction(sortKey(params.sort)), direction(cases.reference)];
}

/** Rows after (or before) the cursor case in the view's order: a row comparison the sort index can seek to. */
function keyset(params: CaseListParams, cursor: string, forward: boolean): SQL {
  const at = alias(cases, 'cursor_case');
  const position = sql`(select ${sortKey(params.sort, at)}, ${at.reference} from ${cases} as ${sql.identifier('cursor_case')} where ${at.reference} = ${cursor})`;
  const later = (params.dir === 'asc') === forward;
  return later ? sql`(${sortKey(params.sort)}, ${cases.reference}) > ${position}` : sql`(${sortKey(params.sort)}, ${cases.reference}) < ${position}`;
}

/** The columns of a list row (the CSV export adds a few). */
export const caseListColumns = {
  reference: cases.reference,
  claimedName: cases.claimedName,
  jobRole: cases.jobRole,
  region: cases.region,
  status: cases.status,
  riskScore: cases.riskScore,
  riskBand: cases.riskBand,
  assigneeName: users.name,
  updatedAt: cases.updatedAt,
};

async function pageRows(db: DbOrTx, params: CaseListParams, where: SQL[], totalOfView: () => Promise<number>): Promise<CaseListRow[]> {
  const cursor = params.page > 1 ? (params.after ?? params.before) : undefined;
  const query = (conditions: SQL[], reversed = false) =>
    db
      .select(caseListColumns)
      .from(cases)
      .leftJoin(users, eq(users.id, cases.assigneeId))
      .where(and(...conditions))
      .orderBy(...caseListOrder(params, reversed))
      .limit(CASE_PAGE_SIZE);
  if (cursor) {
    const forward = params.after !== undefined;
    const rows = await query([...where, keyset(params, cursor, forward)], !forward);
    return forward ? rows : rows.reverse();
  }
  if (params.page === 1) return query(where);
  // A page number alone: the references of that page come from the sort index alone
  // (index-only, no row read for the pages skipped), then only those 25 rows are read. The
  // index is walked from whichever end is nearer: a page 90 % of the way down skips the last
  // 10 % backwards instead of the first 90 %.
  const skipped = (params.page - 1) * CASE_PAGE_SIZE;
  const total = await totalOfView();
  const fromEnd = skipped > total / 2;
  const onPage = db
    .select({ reference: cases.reference })
    .from(cases)
    .where(and(...where))
    .orderBy(...caseListOrder(params, fromEnd))
    .limit(fromEnd ? Math.max(0, Math.min(CASE_PAGE_SIZE, total - skipped)) : CASE_PAGE_SIZE)
    .offset(fromEnd ? Math.max(0, total - skipped - CASE_PAGE_SIZE) : skipped);
  return query([inArray(cases.reference, onPage)]);
}

/** Cases per status in the view: the kept counters when they can answer it, else a count. */
async function statusCounts(db: DbOrTx, params: CaseListParams, base: SQL[]): Promise<{ status: CaseStatus; count: number }[]> {
  if (params.assignee || params.q) {
    return db.select({ status: cases.status, count: count() }).from(cases).where(and(...base)).groupBy(cases.status);
  }
  const where = [params.band ? eq(caseCounts.riskBand, params.band) : undefined, params.region ? eq(caseCounts.region, params.region) : undefined];
  const rows = await db
    .select({ status: caseCounts.status, count: sum(caseCounts.count).mapWith(Number) })
    .from(caseCounts)
    .where(and(...where))
    .groupBy(caseCounts.status);
  return rows;
}

export async function listCases(params: CaseListParams, viewer: SessionUser) {
  const db = await getDb();
  const base = caseListFilters(params, viewer, db);
  const withStatus = params.status ? [...base, eq(cases.status, params.status)] : base;
  const tallied = statusCounts(db, params, base).then((found) => {
    const counts = Object.fromEntries(CASE_STATUSES.map((s) => [s, 0])) as Record<CaseStatus, number>;
    for (const row of found) counts[row.status] = row.count;
    const allCount = Object.values(counts).reduce((a, b) => a + b, 0);
    return { counts, allCount, total: params.status ? counts[params.status] : allCount };
  });
  // The page and the counts run together; only a page number alone waits for the total, to
  // find its rows from the nearer end of the view.
  const [rows, { counts, allCount, total }] = await Promise.all([pageRows(db, params, withStatus, async () => (await tallied).total), tallied]);
  return { rows: rows satisfies CaseListRow[], counts, allCount, total, pageCount: Math.max(1, Math.ceil(total / CASE_PAGE_SIZE)) };
}

/** Leads and CSOs a case can be assigned to (for the filter and the assign form). */
export async function listInvestigators() {
  const db = await getDb();
  return db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(or(eq(users.role, 'lead'), eq(users.role, 'cso')), eq(users.disabled, false)))
    .orderBy(users.name);
}
