// Who is asking, checked on the server for every page, action and route handler.
//
// A cso or admin who has passed the password but not the second factor has a session, but it
// authorizes nothing: currentUser() is null for it, exactly as for a visitor who is signed
// out, so every page (requireUser/requirePermission), every action (authorizedAction) and
// every route handler refuses it. Only the code step (app/login/second-factor) reads it,
// through pendingSecondFactor().
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import type { Role } from '@/lib/domain';
import { auth } from './auth';
import { SECOND_FACTOR_PATH } from './mfa/policy';
import { can, type Permission } from './permissions';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** A session that passed the password and waits for the code step. */
export interface PendingSecondFactor {
  id: string;
  email: string;
  name: string;
  /** The challenge the code step's proof is made for (lib/auth/mfa/proof.ts). */
  challenge: string;
}

type SessionState = { kind: 'signed-out' } | { kind: 'pending'; pending: PendingSecondFactor } | { kind: 'signed-in'; user: SessionUser };

const sessionState = cache(async (): Promise<SessionState> => {
  const session = await auth();
  const user = session?.user;
  if (!session || !user?.id || !user.email) return { kind: 'signed-out' };
  if (session.mfaPending) {
    if (!session.mfaChallenge) return { kind: 'signed-out' };
    return { kind: 'pending', pending: { id: user.id, email: user.email, name: user.name ?? user.email, challenge: session.mfaChallenge } };
  }
  if (!user.role) return { kind: 'signed-out' };
  return { kind: 'signed-in', user: { id: user.id, email: user.email, name: user.name ?? user.email, role: user.role } };
});

/** The signed-in, still-enabled user who passed every sign-in step, or null. Memoized per request. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const state = await sessionState();
  return state.kind === 'signed-in' ? state.user : null;
});

/** The half-signed-in user waiting for the code step, or null (signed out, or fully signed in). */
export async function pendingSecondFactor(): Promise<PendingSecondFactor | null> {
  const state = await sessionState();
  return state.kind === 'pending' ? state.pending : null;
}

/** For pages: signed out → /login; password passed but not the code → the code step. */
export async function requireUser(): Promise<SessionUser> {
  const state = await sessionState();
  if (state.kind === 'pending') redirect(SECOND_FACTOR_PATH);
  if (state.kind !== 'signed-in') redirect('/login');
  return state.user;
}

/** For pages: signed out → /login; signed in without the permission → 403 page. */
export async function requirePermission(permission: Permission): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user.role, permission)) forbidden();
  return user;
}
