// Every user of the organization with their role and whether they may sign in.
import { formatDateTime } from '@/components/ui/format';
import { ROLE_LABELS } from '@/lib/domain';
import type { UserListRow } from '@/lib/users/queries';
import { requiresSecondFactor } from '@/lib/auth/mfa/policy';
import { ResetSecondFactorButton } from './reset-second-factor-button';
import { UserStatusButton } from './user-status-button';

function SecondFactorBadge({ user }: { user: UserListRow }) {
  if (user.hasSecondFactor) return <span className="badge badge-green">Enrolled</span>;
  if (requiresSecondFactor(user.role)) return <span className="badge badge-neutral">Set up at next sign-in</span>;
  return <span className="muted small">Not required</span>;
}

export function UserTable({ rows, viewerId }: { rows: UserListRow[]; viewerId: string }) {
  return (
    <div className="table-wrap">
      <table className="data">
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Second factor</th>
            <th scope="col">Created</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((user) => (
            <tr key={user.id}>
              <td className="mono">{user.email}</td>
              <td>
                {user.name}
                {user.id === viewerId && <span className="muted small"> (you)</span>}
              </td>
              <td>{ROLE_LABELS[user.role]}</td>
              <td>{user.disabled ? <span className="badge badge-red">Disabled</span> : <span className="badge badge-green">Active</span>}</td>
              <td>
                <SecondFactorBadge user={user} />
              </td>
              <td className="small" style={{ whiteSpace: 'nowrap' }}>
                {formatDateTime(user.createdAt)}
              </td>
              <td style={{ maxWidth: 260 }}>
                {/* The server refuses self-disabling too; the button would only ever fail here. */}
                {user.id === viewerId ? (
                  <span className="muted small">Your account</span>
                ) : (
                  <div className="stack" style={{ gap: 6 }}>
                    <UserStatusButton userId={user.id} email={user.email} disabled={user.disabled} />
                    <ResetSecondFactorButton userId={user.id} email={user.email} enrolled={user.hasSecondFactor} />
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
