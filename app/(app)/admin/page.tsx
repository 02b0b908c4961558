import type { Metadata } from 'next';
import { CreateTokenForm } from '@/components/admin/create-token-form';
import { TokenTable } from '@/components/admin/token-table';
import { CreateUserForm } from '@/components/admin/create-user-form';
import { RetentionForm } from '@/components/admin/retention-form';
import { TwoPersonRuleForm } from '@/components/admin/two-person-rule-form';
import { UserTable } from '@/components/admin/user-table';
import { requirePermission } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { dueForErasure } from '@/lib/retention/commands';
import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS } from '@/lib/settings';
import { listApiTokens } from '@/lib/api-tokens/queries';
import { listUsers, twoPersonRuleEnabled } from '@/lib/users/queries';

export const metadata: Metadata = { title: 'Users' };

export default async function AdminPage() {
  const viewer = await requirePermission('users:manage');
  const [users, twoPersonRule, retention, tokens] = await Promise.all([listUsers(), twoPersonRuleEnabled(), getDb().then((db) => dueForErasure(db)), listApiTokens()]);
  const active = users.filter((u) => !u.disabled).length;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Users</h1>
          <p className="muted small" style={{ margin: 0 }}>
            Who may sign in, and with which role. Disabling a user ends their sessions at once; every change is in the audit log.
          </p>
        </div>
      </div>
      <div className="grid-main-side">
        <section className="card" aria-labelledby="users-heading">
          <h2 id="users-heading">
            All users <span className="muted small">({active} active of {users.length})</span>
          </h2>
          {users.length === 0 ? <div className="empty">No users yet.</div> : <UserTable rows={users} viewerId={viewer.id} />}
        </section>
        <div className="stack">
          <section className="card" aria-labelledby="create-user-heading">
            <h2 id="create-user-heading">Create user</h2>
            <CreateUserForm />
          </section>
          <section className="card" aria-labelledby="two-person-heading">
            <h2 id="two-person-heading">Two-person rule</h2>
            <TwoPersonRuleForm enabled={twoPersonRule} />
          </section>
          <section className="card" aria-labelledby="retention-heading">
            <h2 id="retention-heading">Data retention</h2>
            <RetentionForm days={retention.retentionDays} min={MIN_RETENTION_DAYS} max={MAX_RETENTION_DAYS} due={retention.due.map((d) => d.reference)} />
          </section>
        </div>
      </div>
      <div className="grid-main-side" style={{ marginTop: 16 }}>
        <section className="card" aria-labelledby="tokens-heading">
          <h2 id="tokens-heading">API tokens</h2>
          <p className="muted small">
            For integrations (an ATS) calling the <a href="/api-docs">REST API</a>. Only a hash of each secret is kept; a recruiter token sees only the candidates it submitted.
          </p>
          {tokens.length === 0 ? <div className="empty">No API tokens yet.</div> : <TokenTable rows={tokens} />}
        </section>
        <section className="card" aria-labelledby="create-token-heading">
          <h2 id="create-token-heading">Create API token</h2>
          <CreateTokenForm />
        </section>
      </div>
    </>
  );
}
