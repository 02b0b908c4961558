// The password check behind the credentials provider, apart from Auth.js so it is tested
// directly against a real database. From outside, every refusal looks the same: a wrong
// password, an unknown email, a disabled account and a throttled attempt all return null,
// after one argon2 verification each (against a decoy hash when no real one is checked), and
// the sign-in form shows one message for all of them.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/lib/db/client';
import { users } from '@/lib/db/schema';
import type { Role } from '@/lib/domain';
import { requiresSecondFactor } from './mfa/policy';
import { decoyHash, verifyPassword } from './password';
import { MAX_PASSWORD_LENGTH } from './password-policy';
import { clearAccountFailures, isSignInThrottled, recordFailedSignIn } from './throttle';

/** The one message of every failed sign-in; it tells no one which of the reasons applied. */
export const SIGN_IN_FAILED_MESSAGE =
  'Email or password is incorrect, or the account is disabled. After several failed attempts sign-in pauses: wait a few minutes, then try again.';

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  sessionVersion: number;
}

/**
 * The user these credentials belong to, or null. `ip` is the client address (clientIp) or
 * null when unknown. Counts failures and refuses while the account or the IP is throttled.
 */
export async function authenticate(db: Database, raw: unknown, ip: string | null, now: Date = new Date()): Promise<AuthenticatedUser | null> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const attempt = { email, ip };

  if (await isSignInThrottled(db, attempt, now)) {
    // Same cost as a real check, and the real hash is never consulted while throttled.
    await verifyPassword(await decoyHash(), password);
    return null;
  }

  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabled: users.disabled,
      passwordHash: users.passwordHash,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(eq(users.email, email));
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
  if (!user || !valid || user.disabled) {
    await recordFailedSignIn(db, attempt, now);
    return null;
  }
  // A role with a second factor is not signed in yet: its count starts afresh only after the
  // code step (mfa/code-step.ts), or else re-entering the password would reset code guesses.
  if (!requiresSecondFactor(user.role)) await clearAccountFailures(db, email);
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}
