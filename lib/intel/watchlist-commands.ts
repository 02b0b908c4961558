// Business steps on the watchlist. Every change re-scores the cases holding the value, so a
// new block entry flags existing applicants at once and a false positive stops counting. A
// benign entry cuts (or, ending, restores) links: the networks of its holders are recomputed.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { ActionRefused } from '@/lib/actions/errors';
import type { StepResult } from '@/lib/actions/authorized-action';
import type { SessionUser } from '@/lib/auth/session';
import { lockCaseGraph } from '@/lib/cases/commands';
import { refreshRisk } from '@/lib/cases/refresh-risk';
import type { Transaction } from '@/lib/db/client';
import { cases, watchlist } from '@/lib/db/schema';
import type { WatchlistKind } from '@/lib/domain';
import { casesHolding } from './matching';
import { updateNetworks } from './networks';
import { casesMatchingPattern, normalizeWatchlistValue } from './watchlist-patterns';
import { insertWatchlistEntries, type NewWatchlistEntry } from './watchlist';
import type { AddWatchlistEntryInput } from './watchlist-validators';

type Actor = Pick<SessionUser, 'id'>;

/**
 * Cases holding any of these values exactly, or a value inside one of their ranges or at one
 * of their domains. Exact values are looked up in one query; ranges and domains one by one.
 */
async function casesCoveredBy(tx: Transaction, entries: { kind: WatchlistKind; normalized: string }[]): Promise<string[]> {
  const exact = entries.filter((e) => e.kind !== 'email_domain').map((e) => ({ kind: e.kind as Exclude<WatchlistKind, 'email_domain'>, normalized: e.normalized }));
  const covered = new Set(await casesHolding(tx, exact));
  for (const entry of entries) for (const id of await casesMatchingPattern(tx, entry.kind, entry.normalized)) covered.add(id);
  return [...covered];
}

/** Re-scores the holders of a changed value, and after a benign change every member of a network it merged or split. */
async function refreshHolders(tx: Transaction, list: 'block' | 'benign', holders: string[]): Promise<void> {
  const networks = list === 'benign' && holders.length > 0 ? await updateNetworks(tx, holders) : { affected: [] };
  await refreshRisk(tx, [...holders, ...networks.affected]);
}

/** Of these cases, the ones still open (not yet decided): those a new hit matters to. */
async function openAmong(tx: Transaction, caseIds: string[]): Promise<number> {
  if (caseIds.length === 0) return 0;
  const rows = await tx
    .select({ id: cases.id })
    .from(cases)
    .where(and(inArray(cases.id, caseIds), inArray(cases.status, ['open', 'investigating', 'pending_decision'])));
  return rows.length;
}

export interface AddedEntries {
  added: number;
  /** Open cases holding a value newly put on the block list. */
  openCasesNewlyHit: number;
  /** Every case whose score or links were recomputed. */
  casesAffected: number;
}

/**
 * Adds entries (one, or a whole import) and re-matches the cases holding their values. An
 * entry already on its list is left as it was; a new block entry is a new hit for every
 * case holding its value, since no other active block entry can hold the same value.
 */
export async function addEntries(tx: Transaction, entries: NewWatchlistEntry[]): Promise<AddedEntries> {
  await lockCaseGraph(tx);
  const inserted = await insertWatchlistEntries(tx, entries);
  const holders = (list: 'block' | 'benign') => casesCoveredBy(tx, inserted.filter((e) => e.list === list));
  const blockHolders = await holders('block');
  const benignHolders = await holders('benign');
  await refreshHolders(tx, 'benign', benignHolders);
  await refreshHolders(tx, 'block', blockHolders);
  return { added: inserted.length, openCasesNewlyHit: await openAmong(tx, blockHolders), casesAffected: new Set([...blockHolders, ...benignHolders]).size };
}

export function newlyHitMessage(result: AddedEntries): string {
  const n = result.openCasesNewlyHit;
  return `${n} open case${n === 1 ? '' : 's'} newly hit.`;
}

export async function addWatchlistEntry(tx: Transaction, actor: Actor, input: AddWatchlistEntryInput): Promise<StepResult> {
  const normalized = normalizeWatchlistValue(input.kind, input.value);
  if (!normalized.ok) throw new ActionRefused(normalized.error, { value: [normalized.error] });
  const result = await addEntries(tx, [
    {
      kind: input.kind,
      value: input.value,
      normalized: normalized.value,
      list: input.list,
      source: input.source,
      confidence: input.confidence,
      tlp: input.tlp,
      expiresAt: input.expiresOn ? new Date(`${input.expiresOn}T23:59:59Z`) : null,
      addedById: actor.id,
    },
  ]);
  if (result.added === 0) throw new ActionRefused('That value is already on this list.', { value: ['Already listed (after normalization).'] });
  const affected = result.casesAffected;
  const effect =
    input.list === 'block'
      ? newlyHitMessage(result)
      : `${affected} existing case${affected === 1 ? '' : 's'} ${affected === 1 ? 'holds' : 'hold'} this value and ${affected === 1 ? 'is' : 'are'} no longer linked by it.`;
  return {
    message: `Added to the ${input.list} list. ${effect}`,
    audit: {
      action: 'watchlist.added',
      targetType: 'watchlist',
      targetId: `${input.kind}:${normalized.value}`,
      after: { list: input.list, source: input.source, confidence: input.confidence, tlp: input.tlp, casesAffected: affected, openCasesNewlyHit: result.openCasesNewlyHit },
    },
    revalidate: ['/watchlist', '/cases', '/network'],
  };
}

/** A real delete (the audit entry keeps what it was); the holders are re-scored and re-linked. */
export async function removeEntry(tx: Transaction, _actor: Actor, input: { id: string }): Promise<StepResult> {
  await lockCaseGraph(tx);
  const [entry] = await tx.delete(watchlist).where(eq(watchlist.id, input.id)).returning();
  if (!entry) throw new ActionRefused('This watchlist entry does not exist (any more).');
  await refreshHolders(tx, entry.list, await casesCoveredBy(tx, [entry]));
  return {
    message: 'Removed from the watchlist.',
    audit: {
      action: 'watchlist.removed',
      targetType: 'watchlist',
      targetId: `${entry.kind}:${entry.normalized}`,
      caseId: entry.sourceCaseId,
      before: {
        kind: entry.kind,
        value: entry.value,
        list: entry.list,
        source: entry.source,
        confidence: entry.confidence,
        tlp: entry.tlp,
        expiresAt: entry.expiresAt?.toISOString() ?? null,
        falsePositive: entry.falsePositive,
        addedById: entry.addedById,
        sourceCaseId: entry.sourceCaseId,
      },
    },
    revalidate: ['/watchlist', '/cases', '/network'],
  };
}

async function changeEntry(tx: Transaction, id: string, change: 'false_positive' | 'expire'): Promise<StepResult> {
  await lockCaseGraph(tx);
  const [entry] = await tx.select().from(watchlist).where(eq(watchlist.id, id));
  if (!entry) throw new ActionRefused('This watchlist entry does not exist.');
  if (entry.falsePositive) throw new ActionRefused('This entry is already marked as a false positive.');
  if (entry.expiresAt && entry.expiresAt.getTime() <= Date.now()) throw new ActionRefused('This entry has already expired.');
  if (change === 'false_positive') await tx.update(watchlist).set({ falsePositive: true }).where(eq(watchlist.id, id));
  // The database's now(), not the app's clock: matching compares expires_at with now(),
  // which is the transaction's start, so an app timestamp would still count as active in
  // the re-scoring below.
  else await tx.update(watchlist).set({ expiresAt: sql`now()` }).where(eq(watchlist.id, id));
  await refreshHolders(tx, entry.list, await casesCoveredBy(tx, [entry]));
  return {
    message: change === 'false_positive' ? 'Marked as a false positive: it no longer counts.' : 'Expired: it no longer counts.',
    audit: {
      action: change === 'false_positive' ? 'watchlist.marked_false_positive' : 'watchlist.expired',
      targetType: 'watchlist',
      targetId: `${entry.kind}:${entry.normalized}`,
      before: { falsePositive: entry.falsePositive, expiresAt: entry.expiresAt?.toISOString() ?? null },
    },
    revalidate: ['/watchlist', '/cases', '/network'],
  };
}

export const markFalsePositive = (tx: Transaction, _actor: Actor, input: { id: string }) => changeEntry(tx, input.id, 'false_positive');
export const expireEntry = (tx: Transaction, _actor: Actor, input: { id: string }) => changeEntry(tx, input.id, 'expire');
