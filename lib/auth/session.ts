// Who is asking, checked on the server for every page, action and route handler.
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import type { Role } from '@/lib/domain';
import { auth } from './auth';
import { can, type Permission } from './permissions';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** The signed-in, still-enabled user, or null. Memoized per request. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const user = session?.user;
  if (!user?.id || !user.role || !user.email) return null;
  return { id: user.id, email: user.email, name: user.name ?? user.email, role: user.role };
});

export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect('/login');
  return user;
}

/** For pages: signed out → /login; signed in without the permission → 403 page. */
export async function requirePermission(permission: Permission): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user.role, permission)) forbidden();
  return user;
}
