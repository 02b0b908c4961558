// The watchlist page: one filtered page of entries, newest first, with provenance.
import { and, count, desc, eq, gt, ilike, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { boundedText } from '@/lib/validation/text';
import { getDb, type DbOrTx } from '@/lib/db/client';
import { likePattern } from '@/lib/db/like-pattern';
import { cases, users, watchlist } from '@/lib/db/schema';
import { WATCHLIST_KINDS } from '@/lib/domain';

export const WATCHLIST_PAGE_SIZE = 50;

const loose = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
export const watchlistParamsSchema = z.object({
  list: loose(z.enum(['block', 'benign'])),
  kind: loose(z.enum(WATCHLIST_KINDS)),
  state: loose(z.enum(['active', 'expired', 'false_positive'])),
  q: loose(boundedText('Search', 200).trim()),
  page: z.coerce.number().int().min(1).catch(1),
});
export type WatchlistParams = z.output<typeof watchlistParamsSchema>;

export function parseWatchlistParams(raw: Record<string, string | string[] | undefined>): WatchlistParams {
  return watchlistParamsSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined])));
}

/** Entries as the page and the CSV export show them: who added each, and from which case. */
export function selectWatchlistRows(db: DbOrTx) {
  const adder = alias(users, 'adder');
  return db
    .select({
      id: watchlist.id,
      kind: watchlist.kind,
      value: watchlist.value,
      list: watchlist.list,
      source: watchlist.source,
      confidence: watchlist.confidence,
      tlp: watchlist.tlp,
      expiresAt: watchlist.expiresAt,
      falsePositive: watchlist.falsePositive,
      createdAt: watchlist.createdAt,
      sourceCase: cases.reference,
      addedBy: adder.name,
    })
    .from(watchlist)
    .leftJoin(cases, eq(cases.id, watchlist.sourceCaseId))
    .leftJoin(adder, eq(adder.id, watchlist.addedById));
}

export async function listWatchlist(params: WatchlistParams) {
  const db = await getDb();
  const where: SQL[] = [];
  if (params.list) where.push(eq(watchlist.list, params.list));
  if (params.kind) where.push(eq(watchlist.kind, params.kind));
  if (params.q) where.push(or(ilike(watchlist.value, likePattern(params.q)), ilike(watchlist.source, likePattern(params.q)))!);
  if (params.state === 'false_positive') where.push(eq(watchlist.falsePositive, true));
  if (params.state === 'expired') where.push(and(isNotNull(watchlist.expiresAt), lte(watchlist.expiresAt, sql`now()`))!);
  if (params.state === 'active') where.push(and(eq(watchlist.falsePositive, false), or(isNull(watchlist.expiresAt), gt(watchlist.expiresAt, sql`now()`)))!);
  const [rows, [{ total }]] = await Promise.all([
    selectWatchlistRows(db)
      .where(and(...where))
      .orderBy(desc(watchlist.createdAt), desc(watchlist.id))
      .limit(WATCHLIST_PAGE_SIZE)
      .offset((params.page - 1) * WATCHLIST_PAGE_SIZE),
    db.select({ total: count() }).from(watchlist).where(and(...where)),
  ]);
  return { rows, total };
}
