// Risk score: a pure function of a case's indicators and of what its identifiers link to.
// Each signal is a probability-like weight; they combine as 1 − Π(1 − w), so the score rises
// with every independent red flag, never double-counts past 100, and one weak flag cannot
// look like a strong one. Nationality, language or accent are not inputs, by design.
import type { RiskBand, Severity } from '@/lib/domain';
import { foldName } from '@/lib/intel/normalize';

export const SEVERITY_WEIGHTS: Record<Severity, number> = {
  low: 0.08,
  medium: 0.15,
  high: 0.3,
  critical: 0.5,
};

/** Weights of the indicators Hirewatch derives itself from the data. */
export const DERIVED_WEIGHTS = {
  name_mismatch: SEVERITY_WEIGHTS.high,
  // A strong identifier (email, phone, wallet, address, device…) held by another case, per case.
  shared_identifier: 0.2,
  // Only a weak one (an IP: an office NAT, a campus, a public VPN exit), counted once whatever
  // the number of cases behind it: hundreds of honest applicants share a big employer's exit.
  shared_network: 0.1,
  watchlist_hit: 0.45,
  shared_with_escalated: 0.6,
  // In one network with an escalated case, through other cases: indirect, so below a direct link.
  network_with_escalated: 0.5,
  // In a network of MIN_RING_SIZE or more identities bound by strong identifiers. One person
  // may share a phone or an address with one other (a spouse, a flatmate); three or more
  // "different" applicants holding one mailbox, phone, wallet, device or résumé is how an
  // identity farm looks, and it is the signal that lets a ring of fabricated identities with
  // no escalated member and no ticked indicator reach "high" together with its own links.
  identity_network: 0.4,
  // Fuzzy matches (lib/intel/fuzzy/). A name is weak evidence, honest strangers share names:
  // alone it stays "low". A distinctive email handle at another provider, or a recycled
  // résumé, points at one author.
  similar_name: 0.1,
  reused_email_handle: 0.25,
  recycled_resume: 0.3,
} as const;
/** Identities (the case's own included) from which a network counts as an identity_network. */
export const MIN_RING_SIZE = 3;

/**
 * How many identities a network's applications present: applications under one name written
 * the same way are one person applying again (for another role, or a year later), which an
 * honest applicant does with the same email and phone. A name spelled another way still
 * counts apart ("Kim Hyun-woo" / "Gim Hyeonu"): one person needs no second spelling of their
 * own name, and operators vary theirs to look like strangers.
 */
export function countIdentities(claimedNames: string[]): number {
  return new Set(claimedNames.map(foldName)).size;
}

/** Two applications under one name written the same way (case, accents and spacing aside). */
export function isSameIdentity(claimedName: string, otherClaimedName: string): boolean {
  return foldName(claimedName) === foldName(otherClaimedName);
}
export type DerivedKind = keyof typeof DERIVED_WEIGHTS;

/** The catalog code a derived signal stands for: a ticked indicator of that code replaces it. */
const DERIVED_CATALOG_CODE: Partial<Record<DerivedKind, string>> = {
  name_mismatch: 'name_mismatch_resume_interview',
};

export interface ObservedIndicator {
  code: string;
  title: string;
  severity: Severity;
}

export interface DerivedSignal {
  kind: DerivedKind;
  /** What a reviewer reads: which identifier, which other case. */
  detail: string;
}

export interface RiskContribution {
  label: string;
  source: 'indicator' | 'derived';
  code: string;
  weight: number;
  /** Points this signal added, in the order applied; they sum to the score. */
  points: number;
}

export interface RiskResult {
  score: number;
  band: RiskBand;
  contributions: RiskContribution[];
}

export function riskBand(score: number): RiskBand {
  if (score >= 75) return 'critical';
  if (score >= 50) return 'high';
  if (score >= 25) return 'medium';
  return 'low';
}

export function computeRisk(indicators: ObservedIndicator[], derived: DerivedSignal[]): RiskResult {
  const ticked = new Set(indicators.map((i) => i.code));
  const signals: Omit<RiskContribution, 'points'>[] = [
    ...indicators.map((i) => ({
      label: i.title,
      source: 'indicator' as const,
      code: i.code,
      weight: SEVERITY_WEIGHTS[i.severity],
    })),
    ...derived
      .filter((d) => !ticked.has(DERIVED_CATALOG_CODE[d.kind] ?? ''))
      .map((d) => ({ label: d.detail, source: 'derived' as const, code: d.kind, weight: DERIVED_WEIGHTS[d.kind] })),
  ];
  // Strongest first, so the explanation reads from what matters most.
  signals.sort((a, b) => b.weight - a.weight || a.label.localeCompare(b.label));

  let remaining = 1;
  let previousScore = 0;
  const contributions: RiskContribution[] = [];
  for (const signal of signals) {
    remaining *= 1 - signal.weight;
    const score = Math.min(100, Math.round(100 * (1 - remaining)));
    contributions.push({ ...signal, points: score - previousScore });
    previousScore = score;
  }
  return { score: previousScore, band: riskBand(previousScore), contributions };
}
