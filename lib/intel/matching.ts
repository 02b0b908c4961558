// Which of a case's identifiers link it to other cases or hit the watchlist. A value on the
// benign list (own VPN exits, office ranges, shared mail relays) never links or scores.
import { and, eq, not, notExists, or, sql, type SQL } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import { anyOf } from '@/lib/db/any-of';
import { notAmongConstants } from '@/lib/db/constant';
import { withGenericPlans } from '@/lib/db/generic-plans';
import { rowsOf, type DbOrTx } from '@/lib/db/client';
import { cases, identifiers, watchlist } from '@/lib/db/schema';
import type { CaseStatus, IdentifierKind } from '@/lib/domain';
import { activeEntry, domainHits, hitColumns, inBenignRange, notOwn, rangeHits } from './watchlist-patterns';

/** Names collide between honest strangers; they are evidence, not a link. */
export const NON_LINKING_KINDS: readonly IdentifierKind[] = ['name'];

/** SQL condition: the identifier row in scope is of a kind that links cases (not a name). */
export function linkingKind(): SQL {
  return notAmongConstants(identifiers.kind, NON_LINKING_KINDS);
}

/** SQL condition: the identifier row in scope is not on the active benign list. */
export function notBenign(db: DbOrTx) {
  return and(
    notExists(
      db
        .select({ one: sql`1` })
        .from(watchlist)
        .where(and(activeEntry('benign'), eq(watchlist.kind, identifiers.kind), eq(watchlist.normalized, identifiers.normalized))),
    ),
    // An office or campus range on the benign list covers every address in it.
    not(inBenignRange()),
  )!;
}

/**
 * The reads of one case (a submission, a case file) walk from its own few rows through
 * indexes whatever the values: they keep one plan (generic-plans.ts). Reads of many cases
 * are planned for their values each time.
 */
function forOneCaseKeepPlan<T>(caseIds: string[], read: () => PromiseLike<T>): PromiseLike<T> {
  return caseIds.length === 1 ? withGenericPlans(read) : read();
}

export interface SharedIdentifier {
  caseId: string;
  reference: string;
  status: CaseStatus;
  claimedName: string;
  kind: IdentifierKind;
  value: string;
}

/** Every other case sharing a normalized identifier with this one, one row per shared value. */
export async function findSharedIdentifiers(db: DbOrTx, caseId: string): Promise<SharedIdentifier[]> {
  const rows = await findSharedIdentifiersOf(db, [caseId]);
  return rows.map(({ subjectId: _subjectId, ...shared }) => shared);
}

/**
 * FROM-clause fragment `held`: for the identifier row in scope, the other cases holding the
 * same normalized value, looked up in the (kind, normalized) index row by row. The LATERAL
 * subquery's OFFSET 0 keeps PostgreSQL from planning it as a join over the whole identifiers
 * table: the work grows with the cases asked about, never with the table.
 */
export function otherHolders(): SQL {
  return sql`cross join lateral (
    select h.case_id from ${identifiers} as h
    where h.kind = ${identifiers.kind} and h.normalized = ${identifiers.normalized} and h.case_id <> ${identifiers.caseId}
    offset 0) as held`;
}

/**
 * The same as otherHolders, reading at most `cap` + 1 holders of each value (this case
 * included): `held.holders` is that capped count, so a value held by more than `cap` cases
 * is known without counting all of them.
 */
export function holdersUpTo(cap: number): SQL {
  return sql`cross join lateral (
    select holder.case_id, count(*) over () as holders
    from (select h.case_id from ${identifiers} as h where h.kind = ${identifiers.kind} and h.normalized = ${identifiers.normalized} limit ${cap + 1}) as holder
  ) as held`;
}

/** The same for many cases in one query (bulk import, re-scoring): each row names its subject. */
export async function findSharedIdentifiersOf(db: DbOrTx, caseIds: string[]): Promise<(SharedIdentifier & { subjectId: string })[]> {
  if (caseIds.length === 0) return [];
  return rowsOf<SharedIdentifier & { subjectId: string }>(
    await forOneCaseKeepPlan(caseIds, () => db.execute(sql`
      select distinct ${identifiers.caseId} as "subjectId", held.case_id as "caseId", ${cases.reference} as "reference", ${cases.status} as "status",
             ${cases.claimedName} as "claimedName", ${identifiers.kind} as "kind", ${identifiers.value} as "value"
      from ${identifiers} ${otherHolders()}
      join ${cases} on ${cases.id} = held.case_id
      where ${anyOf(identifiers.caseId, caseIds)} and ${linkingKind()} and ${notBenign(db)}
      order by ${cases.reference}, ${identifiers.kind}, ${identifiers.value}`)),
  );
}

export interface WatchlistHit {
  kind: IdentifierKind;
  value: string;
  source: string;
  confidence: string;
  /** For a range or domain entry: the range or domain that matched. */
  matched?: string;
}

/** Active block-list entries matching this case's identifiers (its own escalation excluded). */
export async function findWatchlistHits(db: DbOrTx, caseId: string): Promise<WatchlistHit[]> {
  const rows = await findWatchlistHitsOf(db, [caseId]);
  return rows.map(({ subjectId: _subjectId, ...hit }) => hit);
}

/**
 * Every active block entry matching these cases: exact values, ranges holding their IPs and
 * domains of their emails, in one statement (each part its own index lookup). Exact hits
 * come first, then ranges, then domains; within each, by kind, value and source.
 */
export async function findWatchlistHitsOf(db: DbOrTx, caseIds: string[]): Promise<(WatchlistHit & { subjectId: string })[]> {
  if (caseIds.length === 0) return [];
  const exact = db
    .select(hitColumns(1, sql<string | null>`null`))
    .from(identifiers)
    .innerJoin(watchlist, and(eq(watchlist.kind, identifiers.kind), eq(watchlist.normalized, identifiers.normalized)))
    .where(
      and(
        anyOf(identifiers.caseId, caseIds),
        activeEntry('block'),
        notOwn(),
      ),
    );
  // Positions of hitColumns: part, subject, kind, value, source, confidence, matched.
  const rows = await forOneCaseKeepPlan(caseIds, () => unionAll(exact, rangeHits(db, caseIds), domainHits(db, caseIds)).orderBy(sql`1, 3, 4, 5, 7`));
  return rows.map(({ part: _part, matched, ...hit }) => (matched === null ? hit : { ...hit, matched }));
}

/** Cases holding any of these normalized values: whose scores a watchlist change may move. */
export async function casesHolding(db: DbOrTx, values: { kind: IdentifierKind; normalized: string }[]): Promise<string[]> {
  if (values.length === 0) return [];
  const rows = await db
    .selectDistinct({ caseId: identifiers.caseId })
    .from(identifiers)
    .where(
      or(...values.map((v) => and(eq(identifiers.kind, v.kind), eq(identifiers.normalized, v.normalized)))),
    );
  return rows.map((r) => r.caseId);
}

