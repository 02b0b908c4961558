// Recomputes and stores the risk score of cases after anything that can move it: their own
// intel, a linked case's new identifier or escalation, a watchlist change. Stored, so the
// case list can sort and filter by risk without computing it per row.
import { and, eq, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/lib/db/client';
import { caseIndicators, cases, indicatorCatalog, interviewRounds } from '@/lib/db/schema';
import { IDENTIFIER_KIND_LABELS, type IdentifierKind } from '@/lib/domain';
import { findFuzzyMatches } from '@/lib/intel/fuzzy/fuzzy-matches';
import { strongestLink } from '@/lib/intel/network-rules';
import { foldName } from '@/lib/intel/normalize';
import { findSharedIdentifiers, findWatchlistHits } from '@/lib/intel/matching';
import { networkMembers } from '@/lib/intel/networks';
import { fuzzySignals, listReferences, weakLinkSignal } from './derived-evidence';
import { computeRisk, MIN_RING_SIZE, type DerivedSignal, type RiskResult } from './risk';

export async function deriveSignals(db: DbOrTx, caseId: string): Promise<DerivedSignal[]> {
  // One query at a time: inside a transaction they share one connection.
  const [subject] = await db
    .select({ claimedName: cases.claimedName, resumeName: cases.resumeName, networkId: cases.networkId })
    .from(cases)
    .where(eq(cases.id, caseId));
  const rounds = await db.select({ nameUsed: interviewRounds.nameUsed }).from(interviewRounds).where(eq(interviewRounds.caseId, caseId));
  const shared = await findSharedIdentifiers(db, caseId);
  const hits = await findWatchlistHits(db, caseId);
  const signals: DerivedSignal[] = [];
  if (subject) {
    const resume = foldName(subject.resumeName);
    const mismatches = [subject.claimedName, ...rounds.map((r) => r.nameUsed)].filter((name) => foldName(name) !== resume);
    if (mismatches.length > 0) {
      signals.push({
        kind: 'name_mismatch',
        detail: `Name on résumé "${subject.resumeName}" differs from name used: ${[...new Set(mismatches)].map((n) => `"${n}"`).join(', ')}`,
      });
    }
  }
  const byCase = new Map<string, { reference: string; escalated: boolean; kinds: IdentifierKind[]; what: string[] }>();
  for (const row of shared) {
    const entry = byCase.get(row.caseId) ?? { reference: row.reference, escalated: row.status === 'escalated', kinds: [], what: [] };
    entry.kinds.push(row.kind);
    entry.what.push(`${IDENTIFIER_KIND_LABELS[row.kind].toLowerCase()} ${row.value}`);
    byCase.set(row.caseId, entry);
  }
  const weakOnly: { reference: string; what: string[] }[] = [];
  for (const link of byCase.values()) {
    if (!link.escalated && strongestLink(link.kinds) !== 'strong') {
      weakOnly.push(link);
      continue;
    }
    signals.push({
      kind: link.escalated ? 'shared_with_escalated' : 'shared_identifier',
      detail: `${link.escalated ? 'Shares with escalated case' : 'Shares with'} ${link.reference}: ${link.what.join(', ')}`,
    });
  }
  if (weakOnly.length > 0) signals.push(weakLinkSignal(weakOnly));
  if (subject?.networkId) {
    // An escalated case reached only through other members of the network: the direct
    // links are already counted above as shared_with_escalated.
    const members = await db
      .select({ id: cases.id, reference: cases.reference, status: cases.status })
      .from(cases)
      .where(and(eq(cases.networkId, subject.networkId), ne(cases.id, caseId)))
      .orderBy(cases.reference);
    const indirect = members.filter((e) => e.status === 'escalated' && !byCase.has(e.id)).map((e) => e.reference);
    if (indirect.length > 0) {
      signals.push({
        kind: 'network_with_escalated',
        detail: `In one network with escalated case${indirect.length === 1 ? '' : 's'} ${indirect.join(', ')}, linked through other cases`,
      });
    }
    if (members.length + 1 >= MIN_RING_SIZE) {
      signals.push({ kind: 'identity_network', detail: `One of ${members.length + 1} identities bound by shared strong identifiers (${listReferences(members.map((m) => m.reference))})` });
    }
  }
  signals.push(...fuzzySignals(await findFuzzyMatches(db, caseId)));
  for (const hit of hits) {
    signals.push({
      kind: 'watchlist_hit',
      detail: hit.matched
        ? `${IDENTIFIER_KIND_LABELS[hit.kind]} ${hit.value} is in watchlisted ${hit.kind === 'ip' ? 'range' : 'domain'} ${hit.matched} (${hit.source}, ${hit.confidence} confidence)`
        : `${IDENTIFIER_KIND_LABELS[hit.kind]} ${hit.value} is on the watchlist (${hit.source}, ${hit.confidence} confidence)`,
    });
  }
  return signals;
}

export async function assessCase(db: DbOrTx, caseId: string): Promise<RiskResult> {
  const observed = await db
    .select({ code: caseIndicators.code, title: indicatorCatalog.title, severity: indicatorCatalog.severity })
    .from(caseIndicators)
    .innerJoin(indicatorCatalog, eq(indicatorCatalog.code, caseIndicators.code))
    .where(eq(caseIndicators.caseId, caseId));
  const derived = await deriveSignals(db, caseId);
  return computeRisk(observed, derived);
}

/** Recompute and store; a case whose score moves gets a new version (a pending decision on it is stale). */
export async function refreshRisk(db: DbOrTx, caseIds: Iterable<string>): Promise<void> {
  for (const caseId of new Set(caseIds)) {
    const risk = await assessCase(db, caseId);
    await db
      .update(cases)
      .set({
        riskScore: risk.score,
        riskBand: risk.band,
        riskExplanation: risk.contributions,
        version: sql`case when ${cases.riskScore} = ${risk.score} then ${cases.version} else ${cases.version} + 1 end`,
      })
      .where(eq(cases.id, caseId));
  }
}

/**
 * This case, every case linked to it and any others named (members of a network that just
 * merged or split): all of them see the change in their derived signals.
 */
export async function refreshRiskAround(db: DbOrTx, caseId: string, others: Iterable<string> = []): Promise<void> {
  const linked = await findSharedIdentifiers(db, caseId);
  // Fuzzy matches are symmetric: the other side gains the same evidence.
  const fuzzy = await findFuzzyMatches(db, caseId);
  await refreshRisk(db, [caseId, ...linked.map((l) => l.caseId), ...fuzzy.map((f) => f.to), ...others]);
}

/**
 * This case, its direct links and its whole network: when its status moves into or out of
 * "escalated", members it does not touch directly gain or lose network_with_escalated.
 */
export async function refreshRiskOfNetwork(db: DbOrTx, caseId: string): Promise<void> {
  await refreshRiskAround(db, caseId, await networkMembers(db, caseId));
}

