// The watchlist over the API (lead tokens): POST adds entries through the same business step
// as the /watchlist form (re-scoring the cases that hold the values), GET lists them as JSON
// or CSV.
import { and, desc, eq, gt, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { ActionRefused } from '@/lib/actions/errors';
import { appendAudit, type AuditInput } from '@/lib/audit/log';
import { getDb } from '@/lib/db/client';
import { cases, watchlist } from '@/lib/db/schema';
import type { CsvColumn } from '@/lib/export/csv';
import { addWatchlistEntry } from '@/lib/intel/watchlist-commands';
import { normalizeWatchlistValue } from '@/lib/intel/watchlist-patterns';
import { auditActorOf, type ApiCaller } from './bearer';
import { ApiError } from './errors';
import type { watchlistEntrySchema, watchlistPostSchema, watchlistQuerySchema } from './schemas';

/** The most entries one GET returns (newest first); `truncated` says when there were more. */
export const WATCHLIST_GET_LIMIT = 50_000;

export async function addWatchlistEntries(caller: ApiCaller, entries: z.output<typeof watchlistPostSchema>, request: Request) {
  // Every value is checked first, so a bad one refuses the request before anything is written.
  const fields: Record<string, string[]> = {};
  entries.forEach((entry, index) => {
    const normalized = normalizeWatchlistValue(entry.kind, entry.value);
    if (!normalized.ok) fields[`${index}.value`] = [normalized.error];
  });
  if (Object.keys(fields).length > 0) throw new ApiError(400, 'Some values are not valid for their kind: see fields.', fields);
  const db = await getDb();
  return db.transaction(async (tx) => {
    let added = 0;
    let casesAffected = 0;
    const audit: AuditInput[] = [];
    for (const entry of entries) {
      try {
        // A savepoint per entry: an entry already listed is skipped without undoing the others.
        const step = await tx.transaction((savepoint) => addWatchlistEntry(savepoint, caller, { ...entry, expiresOn: entry.expiresOn }));
        added++;
        const after = (Array.isArray(step.audit) ? step.audit : [step.audit]).map((a) => ({ ...a, after: { ...(a.after ?? {}), via: 'api' } as Record<string, unknown> }));
        audit.push(...after);
        casesAffected += Number(after[0]?.after?.casesAffected ?? 0);
      } catch (error) {
        if (!(error instanceof ActionRefused)) throw error;
      }
    }
    await appendAudit(tx, auditActorOf(caller, request), audit);
    return { added, alreadyListed: entries.length - added, casesAffected };
  });
}

type Entry = z.input<typeof watchlistEntrySchema>;

export async function listWatchlistEntries(query: z.output<typeof watchlistQuerySchema>): Promise<{ entries: Entry[]; truncated: boolean }> {
  const db = await getDb();
  const where: SQL[] = [];
  if (query.list) where.push(eq(watchlist.list, query.list));
  if (query.kind) where.push(eq(watchlist.kind, query.kind));
  if (query.includeInactive === 'false') where.push(and(eq(watchlist.falsePositive, false), or(isNull(watchlist.expiresAt), gt(watchlist.expiresAt, sql`now()`)))!);
  const sourceCase = alias(cases, 'source_case');
  const rows = await db
    .select({
      kind: watchlist.kind,
      value: watchlist.value,
      normalized: watchlist.normalized,
      list: watchlist.list,
      source: watchlist.source,
      confidence: watchlist.confidence,
      tlp: watchlist.tlp,
      expiresAt: watchlist.expiresAt,
      falsePositive: watchlist.falsePositive,
      sourceCase: sourceCase.reference,
      createdAt: watchlist.createdAt,
    })
    .from(watchlist)
    .leftJoin(sourceCase, eq(sourceCase.id, watchlist.sourceCaseId))
    .where(and(...where))
    .orderBy(desc(watchlist.createdAt), desc(watchlist.id))
    .limit(WATCHLIST_GET_LIMIT + 1);
  return {
    entries: rows.slice(0, WATCHLIST_GET_LIMIT).map((row) => ({ ...row, expiresAt: row.expiresAt?.toISOString() ?? null, createdAt: row.createdAt.toISOString() })),
    truncated: rows.length > WATCHLIST_GET_LIMIT,
  };
}

export const WATCHLIST_CSV_COLUMNS: CsvColumn<Entry>[] = [
  { header: 'kind', value: (e) => e.kind },
  { header: 'value', value: (e) => e.value },
  { header: 'normalized', value: (e) => e.normalized },
  { header: 'list', value: (e) => e.list },
  { header: 'source', value: (e) => e.source },
  { header: 'confidence', value: (e) => e.confidence },
  { header: 'tlp', value: (e) => e.tlp },
  { header: 'expires_at', value: (e) => e.expiresAt },
  { header: 'false_positive', value: (e) => e.falsePositive },
  { header: 'source_case', value: (e) => e.sourceCase },
  { header: 'created_at', value: (e) => e.createdAt },
];
