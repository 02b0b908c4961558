import type { ReactNode } from 'react';
import { SessionKeepAlive } from '@/components/layout/session-keepalive';
import { Sidebar } from '@/components/layout/sidebar';
import { requireUser } from '@/lib/auth/session';

// Every page inside this group needs a signed-in user; each page also checks its own
// permission, because a layout does not re-run on every navigation.
export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <div className="shell">
      <SessionKeepAlive />
      <Sidebar user={user} />
      <main className="main">{children}</main>
    </div>
  );
}
