// Recomputes and stores the risk score of cases after anything that can move it: their own
// intel, a linked case's new identifier or escalation, a watchlist change. Stored, so the
// case list can sort and filter by risk without computing it per row.
//
// Everything here works on a set of cases with a fixed number of queries, whatever its size:
// one case (a form) or a chunk of a bulk import cost the same round trips.
import { eq, sql } from 'drizzle-orm';
import { anyOf } from '@/lib/db/any-of';
import type { DbOrTx } from '@/lib/db/client';
import { caseIndicators, cases, indicatorCatalog, interviewRounds } from '@/lib/db/schema';
import { IDENTIFIER_KIND_LABELS, type CaseStatus, type IdentifierKind } from '@/lib/domain';
import { enqueueCaseEvent } from '@/lib/webhooks/outbox';
import { sameNameAcrossSpellings } from '@/lib/intel/fuzzy/romanization';
import { MAX_PERSONAL_HOLDERS, strongestLink } from '@/lib/intel/network-rules';
import { foldName } from '@/lib/intel/normalize';
import { LinkLookups } from '@/lib/intel/link-lookups';
import { findWatchlistHitsOf } from '@/lib/intel/matching';
import { networkMembers } from '@/lib/intel/networks';
import { fuzzySignals, listReferences, weakLinkSignal } from './derived-evidence';
import { computeRisk, countIdentities, isSameIdentity, MIN_RING_SIZE, type DerivedSignal, type ObservedIndicator, type RiskResult } from './risk';

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** The derived signals of each case, keyed by case id (every id present, maybe with none). */
export async function deriveSignalsOf(db: DbOrTx, caseIds: string[], links = new LinkLookups(db)): Promise<Map<string, DerivedSignal[]>> {
  const result = new Map<string, DerivedSignal[]>(caseIds.map((id) => [id, []]));
  if (caseIds.length === 0) return result;
  // One query at a time: inside a transaction they share one connection.
  const subjects = await db
    .select({ id: cases.id, claimedName: cases.claimedName, resumeName: cases.resumeName, networkId: cases.networkId })
    .from(cases)
    .where(anyOf(cases.id, caseIds));
  const rounds = groupBy(
    await db.select({ caseId: interviewRounds.caseId, nameUsed: interviewRounds.nameUsed }).from(interviewRounds).where(anyOf(interviewRounds.caseId, caseIds)),
    (r) => r.caseId,
  );
  const shared = await links.sharedOf(caseIds);
  const hits = groupBy(await findWatchlistHitsOf(db, caseIds), (r) => r.subjectId);
  const fuzzy = await links.fuzzyOf(caseIds);
  const networkIds = [...new Set(subjects.map((s) => s.networkId).filter((id): id is string => id !== null))];
  const membersByNetwork = groupBy(
    networkIds.length === 0
      ? []
      : await db
          .select({ id: cases.id, reference: cases.reference, networkId: cases.networkId, status: cases.status, claimedName: cases.claimedName })
          .from(cases)
          .where(anyOf(cases.networkId, networkIds))
          .orderBy(cases.reference),
    (r) => r.networkId!,
  );

  for (const subject of subjects) {
    const signals = result.get(subject.id)!;
    const resume = foldName(subject.resumeName);
    const names = [subject.claimedName, ...(rounds.get(subject.id) ?? []).map((r) => r.nameUsed)];
    const mismatches = names.filter((name) => foldName(name) !== resume && !sameNameAcrossSpellings(name, subject.resumeName));
    if (mismatches.length > 0) {
      signals.push({
        kind: 'name_mismatch',
        detail: `Name on résumé "${subject.resumeName}" differs from name used: ${[...new Set(mismatches)].map((n) => `"${n}"`).join(', ')}`,
      });
    }
    const byCase = new Map<string, { reference: string; escalated: boolean; kinds: (IdentifierKind | 'hub')[]; what: string[] }>();
    // The same person's earlier or later application (same name, same spelling) shares their
    // email, phone and résumé by nature: no evidence of anything, unless that one was escalated.
    const ownApplication = (other: { claimedName: string; status: string }) => other.status !== 'escalated' && isSameIdentity(subject.claimedName, other.claimedName);
    const sharedRows = (shared.get(subject.id) ?? []).filter((row) => !ownApplication(row));
    // How many cases hold each value (this one included): a value held by many is infrastructure.
    const holders = new Map<string, number>();
    for (const row of sharedRows) holders.set(`${row.kind}:${row.value}`, (holders.get(`${row.kind}:${row.value}`) ?? 1) + 1);
    for (const row of sharedRows) {
      const entry = byCase.get(row.caseId) ?? { reference: row.reference, escalated: row.status === 'escalated', kinds: [], what: [] };
      entry.kinds.push((holders.get(`${row.kind}:${row.value}`) ?? 0) > MAX_PERSONAL_HOLDERS ? 'hub' : row.kind);
      entry.what.push(`${IDENTIFIER_KIND_LABELS[row.kind].toLowerCase()} ${row.value}`);
      byCase.set(row.caseId, entry);
    }
    const weakOnly: { reference: string; what: string[] }[] = [];
    for (const link of byCase.values()) {
      // Only an IP in common (a NAT, a campus, a VPN exit): counted once, below.
      if (!link.escalated && strongestLink(link.kinds.filter((k): k is IdentifierKind => k !== 'hub')) !== 'strong') {
        weakOnly.push(link);
        continue;
      }
      signals.push({
        kind: link.escalated ? 'shared_with_escalated' : 'shared_identifier',
        detail: `${link.escalated ? 'Shares with escalated case' : 'Shares with'} ${link.reference}: ${link.what.join(', ')}`,
      });
    }
    if (weakOnly.length > 0) signals.push(weakLinkSignal(weakOnly));
    if (subject.networkId) {
      const members = (membersByNetwork.get(subject.networkId) ?? []).filter((m) => m.id !== subject.id);
      // An escalated case reached only through other members of the network: the direct
      // links are already counted above as shared_with_escalated.
      const indirect = members.filter((e) => e.status === 'escalated' && !byCase.has(e.id)).map((e) => e.reference);
      if (indirect.length > 0) {
        signals.push({
          kind: 'network_with_escalated',
          detail: `In one network with escalated case${indirect.length === 1 ? '' : 's'} ${indirect.join(', ')}, linked through other cases`,
        });
      }
      const identities = countIdentities([subject.claimedName, ...members.map((m) => m.claimedName)]);
      if (identities >= MIN_RING_SIZE) {
        const applications = members.length + 1;
        signals.push({
          kind: 'identity_network',
          detail: `One of ${identities} identities${applications > identities ? ` (${applications} applications)` : ''} bound by shared strong identifiers (${listReferences(members.map((m) => m.reference))})`,
        });
      }
    }
    signals.push(...fuzzySignals((fuzzy.get(subject.id) ?? []).filter((match) => !ownApplication(match))));
    for (const hit of hits.get(subject.id) ?? []) {
      signals.push({
        kind: 'watchlist_hit',
        detail: hit.matched
          ? `${IDENTIFIER_KIND_LABELS[hit.kind]} ${hit.value} is in watchlisted ${hit.kind === 'ip' ? 'range' : 'domain'} ${hit.matched} (${hit.source}, ${hit.confidence} confidence)`
          : `${IDENTIFIER_KIND_LABELS[hit.kind]} ${hit.value} is on the watchlist (${hit.source}, ${hit.confidence} confidence)`,
      });
    }
  }
  return result;
}

export async function deriveSignals(db: DbOrTx, caseId: string): Promise<DerivedSignal[]> {
  return (await deriveSignalsOf(db, [caseId])).get(caseId) ?? [];
}

export async function assessCases(db: DbOrTx, caseIds: string[], links = new LinkLookups(db)): Promise<Map<string, RiskResult>> {
  const observed = groupBy(
    caseIds.length === 0
      ? []
      : await db
          .select({ caseId: caseIndicators.caseId, code: caseIndicators.code, title: indicatorCatalog.title, severity: indicatorCatalog.severity })
          .from(caseIndicators)
          .innerJoin(indicatorCatalog, eq(indicatorCatalog.code, caseIndicators.code))
          .where(anyOf(caseIndicators.caseId, caseIds))
          .orderBy(caseIndicators.observedAt, caseIndicators.code),
    (r) => r.caseId,
  );
  const derived = await deriveSignalsOf(db, caseIds, links);
  return new Map(
    caseIds.map((id) => [id, computeRisk((observed.get(id) ?? []).map(({ code, title, severity }): ObservedIndicator => ({ code, title, severity })), derived.get(id) ?? [])]),
  );
}

// Bounds each re-scoring round: its lookups, the JSON of new scores and the memory they take
// (an import chunk of 1,000 re-scores its new cases and those linked to them: usually one round).
const REFRESH_BATCH = 2000;

/** Still being screened: a new critical hit on it is news for the security channel. */
const UNDECIDED: readonly CaseStatus[] = ['open', 'investigating', 'pending_decision'];

/**
 * Recompute and store; a case whose score moves gets a new version (a pending decision on it
 * is stale). An undecided case that becomes critical with a watchlist hit among its signals
 * queues a `watchlist.critical_hit` webhook in the same transaction.
 */
export async function refreshRisk(db: DbOrTx, caseIds: Iterable<string>, links = new LinkLookups(db)): Promise<void> {
  const ids = [...new Set(caseIds)];
  for (let start = 0; start < ids.length; start += REFRESH_BATCH) {
    const batch = ids.slice(start, start + REFRESH_BATCH);
    const assessed = await assessCases(db, batch, links);
    const rows = batch.map((id) => {
      const risk = assessed.get(id)!;
      return { id, score: risk.score, band: risk.band, explanation: risk.contributions };
    });
    // Only a case that turns critical with a watchlist hit can be news: its previous band is
    // read for those few, not for the whole batch.
    const turningCritical = rows.filter((r) => r.band === 'critical' && r.explanation.some((c) => c.code === 'watchlist_hit')).map((r) => r.id);
    if (turningCritical.length > 0) {
      const previous = await db.select({ reference: cases.reference, status: cases.status, band: cases.riskBand }).from(cases).where(anyOf(cases.id, turningCritical));
      for (const subject of previous) {
        if (subject.band !== 'critical' && UNDECIDED.includes(subject.status)) await enqueueCaseEvent(db, 'watchlist.critical_hit', subject);
      }
    }
    // One statement for the whole batch, the new values passed as one JSON document. A case
    // whose assessment did not move is left alone: rewriting its row would change nothing but
    // cost a new row version in every index of cases (most cases of an import score 0, as they
    // were inserted). The id list is repeated as an array so that the rows are found by the
    // primary key: the planner cannot see how many rows the JSON holds and would scan cases.
    await db.execute(sql`
      update ${cases} set
        risk_score = v.score,
        risk_band = v.band::risk_band,
        risk_explanation = v.explanation,
        version = case when ${cases.riskScore} = v.score then ${cases.version} else ${cases.version} + 1 end
      from json_to_recordset(${JSON.stringify(rows)}::json) as v(id uuid, score int, band text, explanation jsonb)
      where ${cases.id} = v.id and ${anyOf(cases.id, batch)}
        and (${cases.riskScore}, ${cases.riskBand}, ${cases.riskExplanation}) is distinct from (v.score, v.band::risk_band, v.explanation)`);
  }
}

/**
 * These cases, every case linked to them and any others named (members of a network that
 * just merged or split): all of them see the change in their derived signals.
 */
export async function refreshRiskAround(db: DbOrTx, caseId: string | string[], others: Iterable<string> = [], links = new LinkLookups(db)): Promise<void> {
  const subjects = Array.isArray(caseId) ? caseId : [caseId];
  const linked = [...(await links.sharedOf(subjects)).values()].flat().map((l) => l.caseId);
  // Fuzzy matches are symmetric: the other side gains the same evidence.
  const fuzzy = [...(await links.fuzzyOf(subjects)).values()].flat().map((match) => match.to);
  await refreshRisk(db, [...subjects, ...linked, ...fuzzy, ...others], links);
}

/**
 * This case, its direct links and its whole network: when its status moves into or out of
 * "escalated", members it does not touch directly gain or lose network_with_escalated.
 */
export async function refreshRiskOfNetwork(db: DbOrTx, caseId: string): Promise<void> {
  await refreshRiskAround(db, caseId, await networkMembers(db, caseId));
}
