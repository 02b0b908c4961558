// What the watchlist export sends. CSV: every entry (the team's own backup and hand-over,
// benign list included). STIX: only what a peer can act on — active block entries — and
// never TLP:RED, which by definition may not leave the people who received it.
import { and, desc, eq, gt, isNull, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/lib/db/client';
import { cases, watchlist } from '@/lib/db/schema';
import { buildBundle, type ExportEntry, type StixBundle } from './stix/bundle';
import { stixOrganisation } from './stix/organisation';
import type { WatchlistExportRow } from './watchlist-csv';
import { selectWatchlistRows } from './watchlist-queries';

export const WATCHLIST_EXPORT_LIMIT = 100_000;

export async function watchlistCsvRows(db: DbOrTx): Promise<WatchlistExportRow[]> {
  return selectWatchlistRows(db).orderBy(desc(watchlist.createdAt), desc(watchlist.id)).limit(WATCHLIST_EXPORT_LIMIT);
}

export async function watchlistStixBundle(db: DbOrTx): Promise<{ bundle: StixBundle; indicators: number }> {
  const rows = await db
    .select({
      id: watchlist.id,
      kind: watchlist.kind,
      normalized: watchlist.normalized,
      source: watchlist.source,
      confidence: watchlist.confidence,
      tlp: watchlist.tlp,
      createdAt: watchlist.createdAt,
      expiresAt: watchlist.expiresAt,
      caseId: cases.id,
      caseStatus: cases.status,
      reference: cases.reference,
      decidedAt: cases.decidedAt,
    })
    .from(watchlist)
    .leftJoin(cases, eq(cases.id, watchlist.sourceCaseId))
    .where(
      and(
        eq(watchlist.list, 'block'),
        eq(watchlist.falsePositive, false),
        ne(watchlist.tlp, 'red'),
        or(isNull(watchlist.expiresAt), gt(watchlist.expiresAt, sql`now()`)),
      ),
    )
    .orderBy(watchlist.createdAt, watchlist.id)
    .limit(WATCHLIST_EXPORT_LIMIT);
  const entries: ExportEntry[] = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    normalized: r.normalized,
    source: r.source,
    confidence: r.confidence,
    tlp: r.tlp,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
    // Only a case still escalated stands behind its indicators as a threat actor.
    escalatedCase: r.caseId && r.caseStatus === 'escalated' ? { id: r.caseId, reference: r.reference!, decidedAt: r.decidedAt } : null,
  }));
  return { bundle: buildBundle(entries, await stixOrganisation(db)), indicators: entries.length };
}
