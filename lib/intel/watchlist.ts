// Writing to the watchlist. Entries are keyed by (list, kind, normalized value): adding a
// value already listed keeps the first entry and its provenance.
import type { DbOrTx } from '@/lib/db/client';
import { watchlist } from '@/lib/db/schema';
import type { Confidence, WatchlistKind } from '@/lib/domain';
import { ipRangeOf } from './watchlist-patterns';

export interface NewWatchlistEntry {
  kind: WatchlistKind;
  value: string;
  normalized: string;
  source: string;
  confidence: Confidence;
  list?: 'block' | 'benign';
  expiresAt?: Date | null;
  sourceCaseId?: string | null;
  addedById?: string | null;
}

/** Returns how many entries were new. */
export async function addToWatchlist(db: DbOrTx, entries: NewWatchlistEntry[]): Promise<number> {
  if (entries.length === 0) return 0;
  const inserted = await db
    .insert(watchlist)
    .values(entries.map((e) => ({ ...e, list: e.list ?? 'block', ipRange: ipRangeOf(e.kind, e.normalized) })))
    .onConflictDoNothing()
    .returning({ id: watchlist.id });
  return inserted.length;
}
