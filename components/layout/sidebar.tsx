import { navFor } from '@/lib/auth/permissions';
import { signOutAction } from '@/lib/auth/actions';
import type { SessionUser } from '@/lib/auth/session';
import { ROLE_LABELS } from '@/lib/domain';
import { NavLinks } from './nav-links';

export function Sidebar({ user }: { user: SessionUser }) {
  return (
    <aside className="sidebar">
      <div className="brand">
        Hire<span>watch</span>
      </div>
      <NavLinks items={navFor(user.role).map(({ href, label }) => ({ href, label }))} />
      <div className="sidebar-footer">
        <div className="who">{user.name}</div>
        <div>{ROLE_LABELS[user.role]}</div>
        <form action={signOutAction}>
          <button type="submit">Sign out</button>
        </form>
      </div>
    </aside>
  );
}
