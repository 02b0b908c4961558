// Writing to the watchlist. Entries are keyed by (list, kind, normalized value): adding a
// value already listed keeps the first entry and its provenance.
import type { DbOrTx } from '@/lib/db/client';
import { watchlist } from '@/lib/db/schema';
import type { Confidence, TlpLevel, WatchlistKind } from '@/lib/domain';
import { ipRangeOf } from './watchlist-patterns';

export interface NewWatchlistEntry {
  kind: WatchlistKind;
  value: string;
  normalized: string;
  source: string;
  confidence: Confidence;
  tlp?: TlpLevel;
  list?: 'block' | 'benign';
  expiresAt?: Date | null;
  sourceCaseId?: string | null;
  addedById?: string | null;
}

/** Returns how many entries were new. */
export async function addToWatchlist(db: DbOrTx, entries: NewWatchlistEntry[]): Promise<number> {
  return (await insertWatchlistEntries(db, entries)).length;
}

/** The entries that were new (a value already on the same list is left as it was). */
export async function insertWatchlistEntries(db: DbOrTx, entries: NewWatchlistEntry[]) {
  if (entries.length === 0) return [];
  const inserted: { id: string; kind: WatchlistKind; normalized: string; list: 'block' | 'benign' }[] = [];
  // A few hundred rows a statement keeps well under PostgreSQL's 65,535 bind parameters.
  for (let i = 0; i < entries.length; i += 500) {
    inserted.push(
      ...(await db
        .insert(watchlist)
        .values(entries.slice(i, i + 500).map((e) => ({ ...e, list: e.list ?? 'block', ipRange: ipRangeOf(e.kind, e.normalized) })))
        .onConflictDoNothing()
        .returning({ id: watchlist.id, kind: watchlist.kind, normalized: watchlist.normalized, list: watchlist.list })),
    );
  }
  return inserted;
}
