// Reads what `npm audit --json` printed and decides whether the release may go on. Kept apart
// from the command that runs npm so the rule itself is unit-tested on recorded reports.

export type AuditVerdict =
  | { kind: 'clean'; counts: Record<string, number> }
  | { kind: 'vulnerable'; counts: Record<string, number>; findings: string[] }
  | { kind: 'unreachable'; reason: string };

/** Severities that fail the check (issue 5: "no high or critical finding"). */
export const BLOCKING_SEVERITIES = ['high', 'critical'] as const;

interface NpmAuditReport {
  vulnerabilities?: Record<string, { name?: string; severity?: string; range?: string; via?: unknown[] }>;
  metadata?: { vulnerabilities?: Record<string, number> };
  message?: string;
  statusCode?: number;
  error?: { summary?: string; code?: string };
}

function title(via: unknown): string | null {
  return via && typeof via === 'object' && 'title' in via && typeof via.title === 'string' ? via.title : null;
}

export function judgeAuditReport(json: string): AuditVerdict {
  let report: NpmAuditReport;
  try {
    report = JSON.parse(json) as NpmAuditReport;
  } catch {
    return { kind: 'unreachable', reason: 'npm audit printed no JSON report' };
  }
  const counts = report.metadata?.vulnerabilities;
  if (!counts) {
    // npm prints the registry's refusal instead of a report when the advisory service cannot be
    // asked (seen on the development machine: 405 from the bulk advisory endpoint).
    const reason = report.message ?? report.error?.summary ?? 'npm audit printed no vulnerability counts';
    return { kind: 'unreachable', reason };
  }
  const findings = Object.values(report.vulnerabilities ?? {})
    .filter((v) => (BLOCKING_SEVERITIES as readonly string[]).includes(v.severity ?? ''))
    .map((v) => {
      const titles = (v.via ?? []).map(title).filter((t): t is string => t !== null);
      return `${v.severity} ${v.name ?? '?'} ${v.range ?? ''}${titles.length ? ` — ${titles.join('; ')}` : ''}`.trim();
    });
  const blocking = BLOCKING_SEVERITIES.reduce((sum, s) => sum + (counts[s] ?? 0), 0);
  return blocking > 0 || findings.length > 0 ? { kind: 'vulnerable', counts, findings } : { kind: 'clean', counts };
}
