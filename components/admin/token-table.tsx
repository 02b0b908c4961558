// The API tokens: name, role, how to recognize the secret (its prefix), use and state.
import { formatDateTime } from '@/components/ui/format';
import type { ApiTokenRow } from '@/lib/api-tokens/queries';
import { ROLE_LABELS } from '@/lib/domain';
import { RevokeTokenButton } from './revoke-token-button';

function state(row: ApiTokenRow, now: Date) {
  if (row.revokedAt) return <span className="badge badge-red">Revoked</span>;
  if (row.expiresAt && row.expiresAt <= now) return <span className="badge badge-red">Expired</span>;
  return <span className="badge badge-green">Active</span>;
}

export function TokenTable({ rows }: { rows: ApiTokenRow[] }) {
  const now = new Date();
  return (
    <div className="table-wrap">
      <table className="data">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Secret starts</th>
            <th scope="col">State</th>
            <th scope="col">Created</th>
            <th scope="col">Expires</th>
            <th scope="col">Last used</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>{row.name}</td>
              <td>{ROLE_LABELS[row.role]}</td>
              <td className="mono">{row.prefix}…</td>
              <td>{state(row, now)}</td>
              <td className="small">
                {formatDateTime(row.createdAt)}
                {row.createdBy && <div className="muted">{row.createdBy}</div>}
              </td>
              <td className="small">{row.expiresAt ? formatDateTime(row.expiresAt) : 'never'}</td>
              <td className="small">{row.lastUsedAt ? formatDateTime(row.lastUsedAt) : 'never'}</td>
              <td>{row.revokedAt ? null : <RevokeTokenButton tokenId={row.id} name={row.name} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
