// The risk of planted ring members, derived in memory the way lib/cases/refresh-risk.ts
// derives it from the database (shared identifiers, shared with an escalated case, in a
// network with an escalated case, watchlist hits, name mismatch), then scored by the real
// computeRisk. The real refreshRisk takes ~10 queries a case; for thousands of ring
// members that is minutes on a busy machine. The loader checks a sample of these results
// against the real assessCase and reports any difference.
import { computeRisk, type DerivedSignal, type ObservedIndicator, type RiskResult } from '@/lib/cases/risk';
import { IDENTIFIER_KIND_LABELS } from '@/lib/domain';
import { foldName } from '@/lib/intel/normalize';
import type { ScaleCase, ScaleIdentifier, ScaleWatchlistEntry } from './generate';

export function ringRisk(
  members: (ScaleCase & { reference: string })[],
  identifiers: ScaleIdentifier[],
  watchlist: ScaleWatchlistEntry[],
  observed: Map<string, ObservedIndicator[]>,
  benign: Set<string>,
  now: Date,
): Map<string, RiskResult> {
  const byId = new Map(members.map((m) => [m.id, m]));
  const mine = identifiers.filter((i) => byId.has(i.caseId) && i.kind !== 'name' && !benign.has(`${i.kind}|${i.normalized}`));
  const holders = new Map<string, string[]>();
  for (const i of mine) holders.set(`${i.kind}|${i.normalized}`, [...(holders.get(`${i.kind}|${i.normalized}`) ?? []), i.caseId]);
  const blocked = new Map<string, ScaleWatchlistEntry[]>();
  for (const w of watchlist) {
    if (w.falsePositive || (w.expiresAt && w.expiresAt <= now)) continue;
    const key = `${w.kind}|${w.normalized}`;
    if (holders.has(key)) blocked.set(key, [...(blocked.get(key) ?? []), w]);
  }
  const identifiersOf = new Map<string, ScaleIdentifier[]>();
  for (const i of mine) identifiersOf.set(i.caseId, [...(identifiersOf.get(i.caseId) ?? []), i]);
  const escalatedByNetwork = new Map<string, ScaleCase[]>();
  for (const m of members) if (m.status === 'escalated' && m.networkId) escalatedByNetwork.set(m.networkId, [...(escalatedByNetwork.get(m.networkId) ?? []), m]);

  const results = new Map<string, RiskResult>();
  for (const subject of members) {
    const signals: DerivedSignal[] = [];
    if (foldName(subject.claimedName) !== foldName(subject.resumeName)) {
      signals.push({ kind: 'name_mismatch', detail: `Name on résumé "${subject.resumeName}" differs from name used: "${subject.claimedName}"` });
    }
    const links = new Map<string, string[]>();
    const hits: DerivedSignal[] = [];
    for (const i of identifiersOf.get(subject.id) ?? []) {
      const key = `${i.kind}|${i.normalized}`;
      for (const other of holders.get(key) ?? []) if (other !== subject.id) links.set(other, [...(links.get(other) ?? []), `${IDENTIFIER_KIND_LABELS[i.kind].toLowerCase()} ${i.value}`]);
      for (const w of blocked.get(key) ?? []) {
        if (w.sourceCaseId === subject.id) continue;
        hits.push({ kind: 'watchlist_hit', detail: `${IDENTIFIER_KIND_LABELS[i.kind]} ${i.value} is on the watchlist (${w.source}, ${w.confidence} confidence)` });
      }
    }
    for (const other of [...links.keys()].sort((a, b) => byId.get(a)!.reference.localeCompare(byId.get(b)!.reference))) {
      const linked = byId.get(other)!;
      const escalated = linked.status === 'escalated';
      signals.push({ kind: escalated ? 'shared_with_escalated' : 'shared_identifier', detail: `${escalated ? 'Shares with escalated case' : 'Shares with'} ${linked.reference}: ${links.get(other)!.join(', ')}` });
    }
    const indirect = (subject.networkId ? (escalatedByNetwork.get(subject.networkId) ?? []) : [])
      .filter((e) => e.id !== subject.id && !links.has(e.id))
      .map((e) => byId.get(e.id)!.reference)
      .sort();
    if (indirect.length > 0) {
      signals.push({ kind: 'network_with_escalated', detail: `In one network with escalated case${indirect.length === 1 ? '' : 's'} ${indirect.join(', ')}, linked through other cases` });
    }
    results.set(subject.id, computeRisk(observed.get(subject.id) ?? [], [...signals, ...hits]));
  }
  return results;
}
