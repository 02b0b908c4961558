// Whether a session token is still good, decided on every request by the jwt callback
// (lib/auth/config.ts) against the user as the database has them now. A session ends when:
// - the user is gone or disabled;
// - the user's session_version moved past the one the token was issued with (disabling a
//   user or changing their password bumps it, ending every session on every instance at once);
// - it was idle longer than SESSION_IDLE_TIMEOUT_SECONDS (lastSeen is renewed on each request
//   whose response re-issues the cookie);
// - it is older than SESSION_MAX_AGE_SECONDS since sign-in. Auth.js's own maxAge slides (the
//   cookie's expiry is pushed forward each time the token is re-issued), so the absolute limit
//   needs a claim of its own: signedInAt;
// - the user's role requires a second factor (lib/auth/mfa/policy.ts) and the session began
//   without one (a lead promoted to cso must sign in again), or the code step was left
//   unfinished for longer than PENDING_SECOND_FACTOR_SECONDS.
// A session still waiting for its second factor (mfa 'pending') is kept, but authorizes
// nothing: lib/auth/session.ts hands out no user for it.
// A token missing any of these claims (issued before they existed, or malformed) is refused.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/lib/db/client';
import { users } from '@/lib/db/schema';
import type { Role } from '@/lib/domain';
import { PENDING_SECOND_FACTOR_SECONDS, requiresSecondFactor } from './mfa/policy';

/** Absolute session lifetime: a working day, then sign in again. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
/** A session nobody used for this long ends (an unlocked, unattended workstation). */
export const SESSION_IDLE_TIMEOUT_SECONDS = 30 * 60;

/** The claims Hirewatch keeps in the session JWT besides Auth.js's own (a type, so it is a Record). */
export type SessionClaims = {
  sub: string;
  email: string;
  name: string;
  role: Role;
  /** users.session_version when the session began. */
  sessionVersion: number;
  /** Seconds since the epoch. */
  signedInAt: number;
  /** Seconds since the epoch: the last request that renewed the token. */
  lastSeen: number;
  /** 'none': the role needs no second factor; 'pending': password only, code step to come; 'passed'. */
  mfa: SecondFactorState;
  /** While pending: the random value the code step's proof must match (lib/auth/mfa/proof.ts). */
  mfaChallenge?: string;
};

export const SECOND_FACTOR_STATES = ['none', 'pending', 'passed'] as const;
export type SecondFactorState = (typeof SECOND_FACTOR_STATES)[number];

export interface SessionSubject {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  sessionVersion: number;
}

export type SessionVerdict =
  | { ok: true }
  | { ok: false; reason: 'malformed' | 'unknown-user' | 'disabled' | 'stale-version' | 'idle' | 'expired' | 'second-factor-required' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function toSeconds(now: Date): number {
  return Math.floor(now.getTime() / 1000);
}

function isWholeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

/**
 * The claims of a session that begins now, for the user who just passed the password. A role
 * that needs a second factor starts 'pending' with `challenge` (required for those roles).
 */
export function startSession(user: Omit<SessionSubject, 'disabled'>, now: Date = new Date(), challenge?: string): SessionClaims {
  const seconds = toSeconds(now);
  const claims: SessionClaims = { sub: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion, signedInAt: seconds, lastSeen: seconds, mfa: 'none' };
  if (requiresSecondFactor(user.role)) {
    if (!challenge) throw new Error(`A ${user.role} session needs a second-factor challenge.`);
    return { ...claims, mfa: 'pending', mfaChallenge: challenge };
  }
  return claims;
}

function isSecondFactorState(value: unknown): value is SecondFactorState {
  return typeof value === 'string' && (SECOND_FACTOR_STATES as readonly string[]).includes(value);
}

/** The decision alone, without the database: `user` is the row the token's subject names, or null. */
export function judgeSession(token: Record<string, unknown>, user: SessionSubject | null, now: Date = new Date()): SessionVerdict {
  const { sub, sessionVersion, signedInAt, lastSeen, mfa, mfaChallenge } = token;
  if (typeof sub !== 'string' || !UUID.test(sub) || !isWholeNumber(sessionVersion) || !isWholeNumber(signedInAt) || !isWholeNumber(lastSeen)) {
    return { ok: false, reason: 'malformed' };
  }
  if (!isSecondFactorState(mfa) || (mfa === 'pending' && (typeof mfaChallenge !== 'string' || !mfaChallenge))) return { ok: false, reason: 'malformed' };
  if (!user || user.id !== sub) return { ok: false, reason: 'unknown-user' };
  if (user.disabled) return { ok: false, reason: 'disabled' };
  if (sessionVersion !== user.sessionVersion) return { ok: false, reason: 'stale-version' };
  const seconds = toSeconds(now);
  if (seconds - signedInAt > SESSION_MAX_AGE_SECONDS) return { ok: false, reason: 'expired' };
  if (seconds - lastSeen > SESSION_IDLE_TIMEOUT_SECONDS) return { ok: false, reason: 'idle' };
  if (mfa === 'none' && requiresSecondFactor(user.role)) return { ok: false, reason: 'second-factor-required' };
  if (mfa === 'pending' && seconds - signedInAt > PENDING_SECOND_FACTOR_SECONDS) return { ok: false, reason: 'expired' };
  return { ok: true };
}

async function loadSubject(db: DbOrTx, id: string): Promise<SessionSubject | null> {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, disabled: users.disabled, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.id, id));
  return row ?? null;
}

/**
 * The token to re-issue, or null to end the session. The user is re-read, so a changed name
 * or role shows at once; lastSeen moves to now.
 */
export async function checkSession<T extends Record<string, unknown>>(db: DbOrTx, token: T, now: Date = new Date()): Promise<(T & SessionClaims) | null> {
  // Validate the subject before it reaches SQL: a non-uuid would make PostgreSQL throw.
  const sub = typeof token.sub === 'string' && UUID.test(token.sub) ? token.sub : null;
  const user = sub ? await loadSubject(db, sub) : null;
  const verdict = judgeSession(token, user, now);
  if (!verdict.ok || !user) return null;
  return {
    ...token,
    sub: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    sessionVersion: user.sessionVersion,
    signedInAt: token.signedInAt as number,
    lastSeen: toSeconds(now),
    mfa: token.mfa as SecondFactorState,
  };
}

/**
 * The token after a successful code step: 'pending' becomes 'passed' when `proof` matches the
 * token's own challenge; any other token comes back unchanged (update data from a browser
 * cannot promote a session). The challenge is dropped, so a proof is good once.
 */
export function passSecondFactor<T extends Record<string, unknown>>(token: T, proofIsValid: (challenge: unknown) => boolean): T {
  if (token.mfa !== 'pending' || !proofIsValid(token.mfaChallenge)) return token;
  const { mfaChallenge: _used, ...rest } = token;
  return { ...rest, mfa: 'passed' } as unknown as T;
}
