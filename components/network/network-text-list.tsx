// The text alternative of a network graph: its members and, pair by pair, what they share.
// Screen readers and keyboard users read this; so does anyone checking a value exactly.
import Link from 'next/link';
import { RiskBadge, StatusBadge } from '@/components/ui/badges';
import type { NetworkGraph } from '@/lib/intel/network-queries';
import { SHARED_KIND_LABELS } from './labels';

export function NetworkTextList({ graph, currentReference }: { graph: NetworkGraph; currentReference?: string }) {
  return (
    <div className="network-columns">
      <div>
        <h3>Members ({graph.size})</h3>
        {graph.truncated && <p className="muted small">The {graph.nodes.length} highest-risk members are shown.</p>}
        <ul className="plain">
          {graph.nodes.map((n) => (
            <li key={n.reference}>
              <div className="spread">
                <span>
                  <Link className="mono" href={`/cases/${n.reference}`} aria-current={n.reference === currentReference ? 'page' : undefined}>
                    {n.reference}
                  </Link>{' '}
                  {n.claimedName}
                  {n.reference === currentReference && <span className="muted small"> (this case)</span>}
                </span>
                <span className="row">
                  <StatusBadge status={n.status} />
                  <RiskBadge score={n.riskScore} band={n.riskBand} />
                </span>
              </div>
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h3>Links ({graph.links.length})</h3>
        <ul className="plain">
          {graph.links.map((l) => (
            <li key={`${l.source}--${l.target}`}>
              <div>
                <span className="mono">{l.source}</span> ↔ <span className="mono">{l.target}</span>{' '}
                <span className={`badge ${l.strength === 'strong' ? 'badge-neutral' : 'badge-amber'}`}>{l.strength === 'strong' ? 'strong' : 'weak'}</span>
              </div>
              <div className="muted small">{l.shared.map((s) => `${SHARED_KIND_LABELS[s.kind]} ${s.value}`).join('; ')}</div>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
