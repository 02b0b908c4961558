// The ranked networks of /network: the largest first, then the riskiest. Each row opens the
// network's own page (/network/{id}: its graph) and links its first members' case files.
import Link from 'next/link';
import { RiskBadge } from '@/components/ui/badges';
import { CASE_STATUSES, STATUS_LABELS } from '@/lib/domain';
import type { NetworkSummary } from '@/lib/intel/network-queries';

/** Members listed in a row before "+N more": the graph shows them all. */
const MEMBERS_SHOWN = 8;

export function networkName(references: string[]): string {
  return `Network ${references[0]}`;
}

function statusSummary(counts: NetworkSummary['statusCounts']): string {
  return CASE_STATUSES.filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${STATUS_LABELS[s].toLowerCase()}`)
    .join(' · ');
}

export function NetworkTable({ rows }: { rows: NetworkSummary[] }) {
  return (
    <div className="table-wrap">
      <table className="data">
        <caption className="sr-only">Networks of cases linked by shared identifiers, largest first</caption>
        <thead>
          <tr>
            <th scope="col">Network</th>
            <th scope="col">Cases</th>
            <th scope="col">Highest risk</th>
            <th scope="col">Escalated</th>
            <th scope="col">Statuses</th>
            <th scope="col">Members</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const name = networkName(row.references);
            return (
              <tr key={row.networkId}>
                <td>
                  <div className="nowrap">{name}</div>
                  <Link href={`/network/${row.networkId}`} aria-label={`View graph of ${name}`} className="small">
                    View graph
                  </Link>
                </td>
                <td className="risk-score">{row.size}</td>
                <td>
                  <RiskBadge score={row.maxRisk} band={row.maxRiskBand} />
                </td>
                <td>{row.escalated > 0 ? <span className="badge badge-red">{row.escalated}</span> : <span className="muted">0</span>}</td>
                <td className="small">{statusSummary(row.statusCounts)}</td>
                <td>
                  <span className="row" style={{ gap: '2px 8px' }}>
                    {row.references.slice(0, MEMBERS_SHOWN).map((reference) => (
                      <Link key={reference} className="mono" href={`/cases/${reference}`}>
                        {reference}
                      </Link>
                    ))}
                    {row.references.length > MEMBERS_SHOWN && <span className="muted small">+{row.references.length - MEMBERS_SHOWN} more</span>}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
