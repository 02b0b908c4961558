// The case list: one page of one filtered, sorted view, and the counts per status for it.
import { and, asc, count, desc, eq, exists, ilike, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { SessionUser } from '@/lib/auth/session';
import { getDb, type DbOrTx } from '@/lib/db/client';
import { likePattern } from '@/lib/db/like-pattern';
import { cases, identifiers, users } from '@/lib/db/schema';
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

const STATUS_ORDER = sql`array_position(array[${sql.join(CASE_STATUSES.map((s) => sql`${s}`), sql`, `)}]::text[], ${cases.status}::text)`;

/** The ORDER BY of a view, with the reference as a stable tie-breaker. */
export function caseListOrder(params: CaseListParams) {
  const direction = params.dir === 'asc' ? asc : desc;
  const primary = {
    updated: direction(cases.updatedAt),
    risk: direction(cases.riskScore),
    status: params.dir === 'asc' ? sql`${STATUS_ORDER} asc` : sql`${STATUS_ORDER} desc`,
    name: direction(sql`lower(${cases.claimedName})`),
  }[params.sort];
  return [primary, desc(cases.reference)];
}

export async function listCases(params: CaseListParams, viewer: SessionUser) {
  const db = await getDb();
  const base = caseListFilters(params, viewer, db);
  const withStatus = params.status ? [...base, eq(cases.status, params.status)] : base;
  const [rows, statusCounts] = await Promise.all([
    db
      .select({
        reference: cases.reference,
        claimedName: cases.claimedName,
        jobRole: cases.jobRole,
        region: cases.region,
        status: cases.status,
        riskScore: cases.riskScore,
        riskBand: cases.riskBand,
        assigneeName: users.name,
        updatedAt: cases.updatedAt,
      })
      .from(cases)
      .leftJoin(users, eq(users.id, cases.assigneeId))
      .where(and(...withStatus))
      .orderBy(...caseListOrder(params))
      .limit(CASE_PAGE_SIZE)
      .offset((params.page - 1) * CASE_PAGE_SIZE),
    db.select({ status: cases.status, count: count() }).from(cases).where(and(...base)).groupBy(cases.status),
  ]);
  const counts = Object.fromEntries(CASE_STATUSES.map((s) => [s, 0])) as Record<CaseStatus, number>;
  for (const row of statusCounts) counts[row.status] = row.count;
  const allCount = Object.values(counts).reduce((a, b) => a + b, 0);
  const total = params.status ? counts[params.status] : allCount;
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
