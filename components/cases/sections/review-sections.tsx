// Sections that help a reviewer judge: the risk explanation, linked cases, past decisions
// and the timeline built from the audit log.
import Link from 'next/link';
import type { CaseFile } from '@/lib/cases/case-file';
import { StatusBadge } from '@/components/ui/badges';
import { formatDateTime } from '@/components/ui/format';

export function RiskExplanation({ score, contributions }: { score: number; contributions: CaseFile['case']['riskExplanation'] }) {
  if (contributions.length === 0) return <p className="muted">No signal yet: score 0.</p>;
  return (
    <>
      <ul className="plain">
        {contributions.map((c, index) => (
          <li key={`${c.code}-${index}`}>
            <div className="spread">
              <span>{c.label}</span>
              <strong className="risk-score">+{c.points}</strong>
            </div>
            <div className="muted small">
              {c.source === 'derived' ? 'Derived by Hirewatch' : 'Ticked indicator'} · weight {Math.round(c.weight * 100)}%
            </div>
          </li>
        ))}
      </ul>
      <p className="muted small" style={{ marginBottom: 0 }}>
        Signals combine as 1 − Π(1 − weight), strongest first; the points add up to {score}.
      </p>
    </>
  );
}

export function LinkedCases({ linked }: { linked: CaseFile['linkedCases'] }) {
  if (linked.length === 0) return <p className="muted">No other case shares an identifier with this one.</p>;
  return (
    <ul className="plain">
      {linked.map((l) => (
        <li key={l.reference}>
          <div className="spread">
            <Link className="mono" href={`/cases/${l.reference}`}>
              {l.reference}
            </Link>
            <StatusBadge status={l.status} />
          </div>
          <div>{l.claimedName}</div>
          <div className="muted small">
            Shares {l.shared.join('; ')}
            {!l.strong && ' · weak link only: not in one network'}
          </div>
        </li>
      ))}
    </ul>
  );
}

export function DecisionHistory({ decisions }: { decisions: CaseFile['decisions'] }) {
  if (decisions.length === 0) return null;
  return (
    <ul className="plain">
      {decisions.map((d) => (
        <li key={d.id}>
          <div className="spread">
            <strong style={{ textTransform: 'capitalize' }}>{d.outcome}</strong>
            <span className="muted small">{formatDateTime(d.decidedAt)}</span>
          </div>
          <div>{d.rationale}</div>
          <div className="muted small">
            By {d.decider ?? 'unknown'} · risk {d.riskScore} at the time{d.waived ? ' · two-person rule waived by organization setting' : ''}
          </div>
        </li>
      ))}
    </ul>
  );
}

function describe(entry: CaseFile['timeline'][number]): string {
  const after = entry.after ?? {};
  switch (entry.action) {
    case 'case.submitted':
      return 'Submitted for screening';
    case 'case.moved':
    case 'case.decided':
      return `Status ${String(entry.before?.status ?? '?').replace('_', ' ')} → ${String(after.status ?? '?').replace('_', ' ')}`;
    case 'case.identifier_added':
      return `Identifier added: ${String(after.kind)} ${String(after.value)}`;
    case 'case.indicator_added':
      return `Indicator added: ${String(after.code).replaceAll('_', ' ')}`;
    case 'case.interview_added':
      return `Interview recorded (${String(after.kind).replace('_', ' ')}, ${String(after.heldOn)})`;
    case 'case.proofing_recorded':
      return `Proofing: ${String(after.check).replaceAll('_', ' ')} → ${String(after.result).replace('_', ' ')}`;
    case 'case.note_added':
      return 'Note added';
    case 'case.assigned':
      return `Assigned to ${String(after.assignee)}`;
    case 'watchlist.added':
      return `${String(after.entries)} identifiers put on the watchlist`;
    default:
      return entry.action;
  }
}

export function Timeline({ timeline }: { timeline: CaseFile['timeline'] }) {
  if (timeline.length === 0) return <p className="muted">No recorded activity.</p>;
  return (
    <ul className="plain timeline">
      {timeline.map((entry) => (
        <li key={entry.id}>
          <span className="muted small">{formatDateTime(entry.at)}</span>
          <span>
            {describe(entry)} <span className="muted small">· {entry.actorEmail}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
