// A compact, one-line "before → after" of an audit entry. Pure text: React escapes it when
// rendering, so whatever a user once typed into a field is shown, never interpreted.
type Snapshot = Record<string, unknown> | null | undefined;

const VALUE_MAX = 60;
export const SUMMARY_MAX = 160;
const DETAIL_MAX = 2000;

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

function formatValue(value: unknown): string {
  const text = typeof value === 'string' ? value : value === undefined ? '∅' : JSON.stringify(value) ?? String(value);
  // Newlines and runs of spaces (a multi-line rationale) would break the one-line summary.
  return truncate(text.replace(/\s+/g, ' ').trim(), VALUE_MAX);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** "status: open → investigating, riskScore: 40" — changed keys show both sides, others their value. */
export function summarizeChange(before: Snapshot, after: Snapshot, max: number = SUMMARY_MAX): string {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const parts: string[] = [];
  for (const key of keys) {
    const hadBefore = before != null && Object.hasOwn(before, key);
    const hasAfter = after != null && Object.hasOwn(after, key);
    const b = hadBefore ? before[key] : undefined;
    const a = hasAfter ? after[key] : undefined;
    if (hadBefore && (!hasAfter || !same(b, a))) parts.push(`${key}: ${formatValue(b)} → ${formatValue(a)}`);
    else parts.push(`${key}: ${formatValue(a)}`);
  }
  return parts.length === 0 ? '—' : truncate(parts.join(', '), max);
}

/** The full entry for a tooltip, still bounded. */
export function changeDetail(before: Snapshot, after: Snapshot): string {
  return truncate(JSON.stringify({ before: before ?? null, after: after ?? null }, null, 1), DETAIL_MAX);
}
