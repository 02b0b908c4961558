// Detection figures of a corpus run: recall of planted members (rated high or critical),
// false-positive rate of legitimate applicants, and pairwise precision / recall / F1 of the
// stored networks against the planted ones. Pure: the test feeds it what the database says.

export interface Outcome {
  externalId: string;
  band: 'low' | 'medium' | 'high' | 'critical';
  networkId: string | null;
}

export interface DetectionReport {
  planted: number;
  plantedFlagged: number;
  legitimate: number;
  legitimateFlagged: number;
  recall: number;
  falsePositiveRate: number;
  pairPrecision: number;
  pairRecall: number;
  pairF1: number;
}

function pairsOf(groups: Map<string, string[]>): Set<string> {
  const pairs = new Set<string>();
  for (const members of groups.values()) {
    const sorted = [...members].sort();
    for (let i = 0; i < sorted.length; i++) for (let j = i + 1; j < sorted.length; j++) pairs.add(`${sorted[i]}|${sorted[j]}`);
  }
  return pairs;
}

function groupsOf(entries: Iterable<[string, string | null]>): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const [id, label] of entries) if (label !== null) groups.set(label, [...(groups.get(label) ?? []), id]);
  return groups;
}

export function scoreDetection(outcomes: Outcome[], truth: Map<string, string | null>): DetectionReport {
  const flagged = (o: Outcome) => o.band === 'high' || o.band === 'critical';
  const planted = outcomes.filter((o) => truth.get(o.externalId));
  const legitimate = outcomes.filter((o) => truth.get(o.externalId) === null);
  const predicted = pairsOf(groupsOf(outcomes.map((o) => [o.externalId, o.networkId])));
  const actual = pairsOf(groupsOf(truth));
  let both = 0;
  for (const pair of predicted) if (actual.has(pair)) both++;
  const pairPrecision = predicted.size === 0 ? 0 : both / predicted.size;
  const pairRecall = actual.size === 0 ? 0 : both / actual.size;
  return {
    planted: planted.length,
    plantedFlagged: planted.filter(flagged).length,
    legitimate: legitimate.length,
    legitimateFlagged: legitimate.filter(flagged).length,
    recall: planted.filter(flagged).length / Math.max(1, planted.length),
    falsePositiveRate: legitimate.filter(flagged).length / Math.max(1, legitimate.length),
    pairPrecision,
    pairRecall,
    pairF1: pairPrecision + pairRecall === 0 ? 0 : (2 * pairPrecision * pairRecall) / (pairPrecision + pairRecall),
  };
}
