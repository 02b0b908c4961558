// How public figures are read and shown. The reference data's rule (shared/data/README.md):
// a figure of medium or low confidence must not look exact, and an incident whose attribution
// is only suspected is labelled as such and left out of totals unless asked for.

/** Confidence values that still allow a figure to be shown as exact. */
const EXACT_CONFIDENCES = new Set(['high']);

/** Medium, low, 'approximate', 'uncertain' or anything unknown: show with "≈". */
export function isApproximate(confidence: string): boolean {
  return !EXACT_CONFIDENCES.has(confidence.trim().toLowerCase());
}

/** The attribution value the reference data uses for an incident nobody has formally attributed. */
export const SUSPECTED_ATTRIBUTION = 'suspected';
export const LOW_CONFIDENCE = 'low';

/** Suspected: attribution is only 'suspected', or the attribution itself has low confidence. */
export function isSuspectedIncident(incident: { attribution: string; confidence: string }): boolean {
  return (
    incident.attribution.trim().toLowerCase() === SUSPECTED_ATTRIBUTION || incident.confidence.trim().toLowerCase() === LOW_CONFIDENCE
  );
}

function number(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: Math.abs(value) < 1 ? 2 : 1 });
}

// Non-breaking spaces keep '≈ $1,340 M' on one line.
const NBSP = '\u00a0';

/** 1340 → '$1,340 M'; approximate → '≈ $1,340 M'. */
export function formatUsdMillions(value: number, approximate = false): string {
  return `${approximate ? `≈${NBSP}` : ''}$${number(value)}${NBSP}M`;
}

/** A low–high estimate: '$620–625 M', or one figure when both ends agree. */
export function formatUsdRange(low: number, high: number, approximate = false): string {
  if (low === high) return formatUsdMillions(low, approximate);
  return `${approximate ? `≈${NBSP}` : ''}$${number(low)}–${number(high)}${NBSP}M`;
}

/** Days with one decimal: 6.54 → '6.5 days', 1 → '1 day'. */
export function formatDays(days: number): string {
  const rounded = Math.round(days * 10) / 10;
  return `${rounded.toLocaleString('en-US', { maximumFractionDigits: 1 })} ${rounded === 1 ? 'day' : 'days'}`;
}

export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : plural}`;
}

export function formatPercent(part: number, whole: number): string {
  if (whole === 0) return '0%';
  return `${Math.round((part / whole) * 100)}%`;
}

/**
 * Entry vectors aimed at the victim's own staff: fake job offers and fake interviews, the
 * mirror image of the fake-applicant scheme; and the scheme itself, an IT worker hired
 * under a false identity.
 */
export const VECTOR_GROUPS = {
  fake_job_offer: 'staff_targeted',
  employee_social_engineering: 'staff_targeted',
  impersonation: 'staff_targeted',
  insider_it_worker: 'insider',
} as const satisfies Record<string, 'staff_targeted' | 'insider'>;
export type VectorGroup = 'staff_targeted' | 'insider' | 'other';

export function vectorGroup(vector: string): VectorGroup {
  return (VECTOR_GROUPS as Record<string, VectorGroup | undefined>)[vector] ?? 'other';
}

export const STAFF_VECTORS: readonly string[] = Object.keys(VECTOR_GROUPS);

const VECTOR_LABELS: Record<string, string> = {
  fake_job_offer: 'Fake job offer / interview',
  employee_social_engineering: 'Staff social engineering',
  impersonation: 'Impersonated contact',
  insider_it_worker: 'Hired IT worker (false ID)',
  hot_wallet_compromise: 'Hot-wallet compromise',
  key_compromise: 'Key compromise',
  custody_interface: 'Custody interface',
  supply_chain: 'Supply chain',
  undisclosed: 'Undisclosed',
};

export function vectorLabel(vector: string): string {
  return VECTOR_LABELS[vector] ?? vector.replaceAll('_', ' ');
}
