// Recomputes and stores the risk score of cases after anything that can move it: their own
// intel, a linked case's new identifier or escalation, a watchlist change. Stored, so the
// case list can sort and filter by risk without computing it per row.
import { and, eq, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/lib/db/client';
import { caseIndicators, cases, indicatorCatalog, interviewRounds } from '@/lib/db/schema';
import { IDENTIFIER_KIND_LABELS, type CaseStatus } from '@/lib/domain';
import { enqueueCaseEvent } from '@/lib/webhooks/outbox';
import { foldName } from '@/lib/intel/normalize';
import { findSharedIdentifiers, findWatchlistHits } from '@/lib/intel/matching';
import { networkMembers } from '@/lib/intel/networks';
import { computeRisk, type DerivedSignal, type RiskResult } from './risk';

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
  const byCase = new Map<string, { reference: string; escalated: boolean; what: string[] }>();
  for (const row of shared) {
    const entry = byCase.get(row.caseId) ?? { reference: row.reference, escalated: row.status === 'escalated', what: [] };
    entry.what.push(`${IDENTIFIER_KIND_LABELS[row.kind].toLowerCase()} ${row.value}`);
    byCase.set(row.caseId, entry);
  }
  for (const link of byCase.values()) {
    signals.push({
      kind: link.escalated ? 'shared_with_escalated' : 'shared_identifier',
      detail: `${link.escalated ? 'Shares with escalated case' : 'Shares with'} ${link.reference}: ${link.what.join(', ')}`,
    });
  }
  if (subject?.networkId) {
    // An escalated case reached only through other members of the network: the direct
    // links are already counted above as shared_with_escalated.
    const escalated = await db
      .select({ id: cases.id, reference: cases.reference })
      .from(cases)
      .where(and(eq(cases.networkId, subject.networkId), eq(cases.status, 'escalated'), ne(cases.id, caseId)))
      .orderBy(cases.reference);
    const indirect = escalated.filter((e) => !byCase.has(e.id)).map((e) => e.reference);
    if (indirect.length > 0) {
      signals.push({
        kind: 'network_with_escalated',
        detail: `In one network with escalated case${indirect.length === 1 ? '' : 's'} ${indirect.join(', ')}, linked through other cases`,
      });
    }
  }
  for (const hit of hits) {
    signals.push({
      kind: 'watchlist_hit',
      detail: `${IDENTIFIER_KIND_LABELS[hit.kind]} ${hit.value} is on the watchlist (${hit.source}, ${hit.confidence} confidence)`,
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

/** Still being screened: a new critical hit on it is news for the security channel. */
const UNDECIDED: readonly CaseStatus[] = ['open', 'investigating', 'pending_decision'];

/**
 * Recompute and store; a case whose score moves gets a new version (a pending decision on it
 * is stale). An undecided case that becomes critical with a watchlist hit among its signals
 * queues a `watchlist.critical_hit` webhook in the same transaction.
 */
export async function refreshRisk(db: DbOrTx, caseIds: Iterable<string>): Promise<void> {
  for (const caseId of new Set(caseIds)) {
    const risk = await assessCase(db, caseId);
    const [before] = await db.select({ reference: cases.reference, status: cases.status, band: cases.riskBand }).from(cases).where(eq(cases.id, caseId));
    if (before && risk.band === 'critical' && before.band !== 'critical' && UNDECIDED.includes(before.status) && risk.contributions.some((c) => c.code === 'watchlist_hit')) {
      await enqueueCaseEvent(db, 'watchlist.critical_hit', before);
    }
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
  await refreshRisk(db, [caseId, ...linked.map((l) => l.caseId), ...others]);
}

/**
 * This case, its direct links and its whole network: when its status moves into or out of
 * "escalated", members it does not touch directly gain or lose network_with_escalated.
 */
export async function refreshRiskOfNetwork(db: DbOrTx, caseId: string): Promise<void> {
  await refreshRiskAround(db, caseId, await networkMembers(db, caseId));
}

