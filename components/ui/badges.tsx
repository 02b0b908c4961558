import { CLEARANCE_LABELS, STATUS_LABELS, type CaseStatus, type Clearance, type RiskBand } from '@/lib/domain';

const STATUS_TONE: Record<CaseStatus, string> = {
  open: 'badge-neutral',
  investigating: 'badge-blue',
  pending_decision: 'badge-violet',
  escalated: 'badge-red',
  cleared: 'badge-green',
};

const RISK_TONE: Record<RiskBand, string> = {
  low: 'badge-green',
  medium: 'badge-amber',
  high: 'badge-red',
  critical: 'badge-red',
};

const CLEARANCE_TONE: Record<Clearance, string> = {
  under_review: 'badge-neutral',
  cleared: 'badge-green',
  do_not_proceed: 'badge-red',
};

export function StatusBadge({ status }: { status: CaseStatus }) {
  return <span className={`badge ${STATUS_TONE[status]}`}>{STATUS_LABELS[status]}</span>;
}

export function RiskBadge({ score, band }: { score: number; band: RiskBand }) {
  return (
    <span className="risk" aria-label={`Risk ${score} of 100, ${band}`}>
      <span className="risk-score">{score}</span>
      <span className={`badge ${RISK_TONE[band]}`} style={band === 'critical' ? { fontWeight: 800 } : undefined}>
        {band}
      </span>
    </span>
  );
}

export function ClearanceBadge({ clearance }: { clearance: Clearance }) {
  return <span className={`badge ${CLEARANCE_TONE[clearance]}`}>{CLEARANCE_LABELS[clearance]}</span>;
}
