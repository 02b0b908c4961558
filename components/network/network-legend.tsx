// What the colours and lines of a network graph mean.
import { CASE_STATUSES, STATUS_LABELS, type CaseStatus } from '@/lib/domain';

const SWATCH: Record<CaseStatus, string> = {
  open: '#8a94a6',
  investigating: 'var(--accent)',
  pending_decision: 'var(--violet)',
  escalated: 'var(--danger)',
  cleared: 'var(--ok)',
};

export function NetworkLegend() {
  return (
    <div className="network-legend">
      {CASE_STATUSES.map((status) => (
        <span key={status}>
          <span className="swatch" style={{ background: SWATCH[status] }} aria-hidden="true" />
          {STATUS_LABELS[status]}
        </span>
      ))}
      <span>
        <span className="line" aria-hidden="true" />
        Strong link (email, phone, wallet, address, device, profile, hash): joins the network
      </span>
      <span>
        <span className="line line-weak" aria-hidden="true" />
        Weak link (shared IP): shown, never joins networks
      </span>
    </div>
  );
}
