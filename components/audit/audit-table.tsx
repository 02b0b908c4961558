// One page of audit entries. Every value is rendered as text; the before → after summary is
// truncated, with the whole entry (bounded) in its tooltip.
import Link from 'next/link';
import type { AuditListRow } from '@/lib/audit/queries';
import { changeDetail, summarizeChange } from './change-summary';

/** To the second: entries minutes apart must stay in order when read. */
function formatUtc(at: Date): string {
  return at.toISOString().slice(0, 19).replace('T', ' ');
}

export function AuditTable({ rows, linkCases }: { rows: AuditListRow[]; linkCases: boolean }) {
  return (
    <div className="table-wrap">
      <table className="data">
        <thead>
          <tr>
            <th scope="col">Time (UTC)</th>
            <th scope="col">Actor</th>
            <th scope="col">Action</th>
            <th scope="col">Target</th>
            <th scope="col">Case</th>
            <th scope="col">Change</th>
            <th scope="col">IP</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td className="small mono" style={{ whiteSpace: 'nowrap' }}>
                <time dateTime={row.at.toISOString()}>{formatUtc(row.at)}</time>
              </td>
              <td className="small">{row.actorEmail}</td>
              <td>
                <code>{row.action}</code>
              </td>
              <td className="small" style={{ minWidth: 120 }}>
                <div className="muted">{row.targetType}</div>
                {/* A case target is its reference, shown in the next column already. */}
                {row.targetId !== row.caseReference && <div style={{ overflowWrap: 'anywhere' }}>{row.targetId}</div>}
              </td>
              <td className="small mono" style={{ whiteSpace: 'nowrap' }}>
                {!row.caseReference ? (
                  <span className="muted">—</span>
                ) : linkCases ? (
                  <Link href={`/cases/${row.caseReference}`}>{row.caseReference}</Link>
                ) : (
                  row.caseReference
                )}
              </td>
              <td className="small" title={changeDetail(row.before, row.after)} style={{ overflowWrap: 'anywhere', minWidth: 220 }}>
                {summarizeChange(row.before, row.after)}
              </td>
              <td className="small mono" title={row.userAgent ?? undefined}>
                {row.ip ?? <span className="muted">—</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
