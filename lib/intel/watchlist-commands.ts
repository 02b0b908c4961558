// Business steps on the watchlist. Every change re-scores the cases holding the value, so a
// new block entry flags existing applicants at once and a false positive stops counting. A
// benign entry cuts (or, ending, restores) links: the networks of its holders are recomputed.
import { eq, sql } from 'drizzle-orm';
import { ActionRefused } from '@/lib/actions/errors';
import type { StepResult } from '@/lib/actions/authorized-action';
import type { SessionUser } from '@/lib/auth/session';
import { lockCaseGraph } from '@/lib/cases/commands';
import { refreshRisk } from '@/lib/cases/refresh-risk';
import type { Transaction } from '@/lib/db/client';
import { watchlist } from '@/lib/db/schema';
import type { WatchlistKind } from '@/lib/domain';
import { casesHolding } from './matching';
import { updateNetworks } from './networks';
import { casesMatchingPattern, normalizeWatchlistValue } from './watchlist-patterns';
import { addToWatchlist } from './watchlist';
import type { AddWatchlistEntryInput } from './watchlist-validators';

type Actor = Pick<SessionUser, 'id'>;

/** Cases holding the exact value, or a value inside the range or at the domain. */
async function casesCoveredBy(tx: Transaction, kind: WatchlistKind, normalized: string): Promise<string[]> {
  const exact = kind === 'email_domain' ? [] : await casesHolding(tx, [{ kind, normalized }]);
  return [...new Set([...exact, ...(await casesMatchingPattern(tx, kind, normalized))])];
}

/** Re-scores the holders of a changed value, and after a benign change every member of a network it merged or split. */
async function refreshHolders(tx: Transaction, list: 'block' | 'benign', holders: string[]): Promise<void> {
  const networks = list === 'benign' && holders.length > 0 ? await updateNetworks(tx, holders) : { affected: [] };
  await refreshRisk(tx, [...holders, ...networks.affected]);
}

export async function addWatchlistEntry(tx: Transaction, actor: Actor, input: AddWatchlistEntryInput): Promise<StepResult> {
  const normalized = normalizeWatchlistValue(input.kind, input.value);
  if (!normalized.ok) throw new ActionRefused(normalized.error, { value: [normalized.error] });
  await lockCaseGraph(tx);
  const added = await addToWatchlist(tx, [
    {
      kind: input.kind,
      value: input.value,
      normalized: normalized.value,
      list: input.list,
      source: input.source,
      confidence: input.confidence,
      expiresAt: input.expiresOn ? new Date(`${input.expiresOn}T23:59:59Z`) : null,
      addedById: actor.id,
    },
  ]);
  if (added === 0) throw new ActionRefused('That value is already on this list.', { value: ['Already listed (after normalization).'] });
  const affected = await casesCoveredBy(tx, input.kind, normalized.value);
  // Linked cases move too: a benign value unlinks them (and may split their network), a block value raises them.
  await refreshHolders(tx, input.list, affected);
  const verb = input.list === 'block' ? 'now flagged' : 'no longer linked by it';
  return {
    message: `Added to the ${input.list} list. ${affected.length} existing case${affected.length === 1 ? '' : 's'} ${affected.length === 1 ? 'holds' : 'hold'} this value and ${affected.length === 1 ? 'is' : 'are'} ${verb}.`,
    audit: { action: 'watchlist.added', targetType: 'watchlist', targetId: `${input.kind}:${normalized.value}`, after: { list: input.list, source: input.source, confidence: input.confidence, casesAffected: affected.length } },
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
  await refreshHolders(tx, entry.list, await casesCoveredBy(tx, entry.kind, entry.normalized));
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
