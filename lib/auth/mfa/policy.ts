// Who must pass a second factor, and for how long a half-signed-in session may wait for it.
// Pure: no Next.js or database import, so the session check and tests share it.
import type { Role } from '@/lib/domain';

/** The roles that decide cases, read the audit log or manage users: a password alone is not enough. */
export const SECOND_FACTOR_ROLES: readonly Role[] = ['cso', 'admin'];

export function requiresSecondFactor(role: Role): boolean {
  return SECOND_FACTOR_ROLES.includes(role);
}

/**
 * A session that passed the password but not the code ends after this long: enough to open an
 * authenticator app (or to enroll one), short enough that a stolen half-session soon dies.
 */
export const PENDING_SECOND_FACTOR_SECONDS = 10 * 60;

/** Where a half-signed-in cso or admin is sent: the code step, or enrollment when they have no factor yet. */
export const SECOND_FACTOR_PATH = '/login/second-factor';
