// Sign-in and session hardening on a real database (PGlite and PostgreSQL): failed sign-ins
// are counted in sign_in_attempts per account and per IP, so the limits hold across
// instances; a throttled attempt looks and costs like a wrong password; sessions end when the
// user is disabled, their session version moves, or they sit idle or grow too old; and the
// cookies Auth.js sets are HttpOnly, SameSite=Lax, and Secure exactly over HTTPS.
import { Auth, skipCSRFCheck } from '@auth/core';
import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { authenticate } from '@/lib/auth/credentials';
import { hashPassword } from '@/lib/auth/password';
import { checkSession, SESSION_IDLE_TIMEOUT_SECONDS, SESSION_MAX_AGE_SECONDS, startSession, toSeconds } from '@/lib/auth/session-check';
import {
  ACCOUNT_MAX_FAILURES,
  accountKey,
  failureCounts,
  IP_MAX_FAILURES,
  ipKey,
  pruneSignInAttempts,
  recordFailedSignIn,
  THROTTLE_WINDOW_MS,
} from '@/lib/auth/throttle';
import type { Database } from '@/lib/db/client';
import { signInAttempts, users } from '@/lib/db/schema';
import { ActionRefused } from '@/lib/actions/errors';
import { PASSWORD_MESSAGES } from '@/lib/auth/password-policy';
import { createUser as createUserStep, disableUser, enableUser } from '@/lib/users/commands';
import { createUserSchema } from '@/lib/users/validators';
import { closeTestDb, countRows, createUser, openTestDb, postgresSkipped, runStep, type TestUser } from './test-db';

// Count argon2 verifications (and against which hash) without changing them.
const password = vi.hoisted(() => ({ verified: [] as string[] }));
vi.mock('@/lib/auth/password', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/auth/password')>();
  return {
    ...real,
    verifyPassword: async (hash: string, plain: string) => {
      password.verified.push(hash);
      return real.verifyPassword(hash, plain);
    },
  };
});

const PASSWORD = 'violet anchor drifting slowly';
const MINUTE = 60 * 1000;

let db: Database;
let counter = 0;

/** A user who can really sign in (argon2id hash of PASSWORD). */
async function signInUser(role: TestUser['role'] = 'lead'): Promise<TestUser> {
  counter += 1;
  const [row] = await db
    .insert(users)
    .values({ email: `auth-${counter}-${Date.now()}@hardening.test`, name: `Auth ${counter}`, role, passwordHash: await hashPassword(PASSWORD) })
    .returning({ id: users.id, email: users.email, role: users.role });
  return row;
}

async function rowsFor(key: string): Promise<number> {
  return (await db.select({ id: signInAttempts.id }).from(signInAttempts).where(eq(signInAttempts.key, key))).length;
}

const at = (base: Date, ms: number) => new Date(base.getTime() + ms);
let ipCounter = 0;
/** A documentation-range address no other test uses. */
const freshIp = () => `198.51.100.${(ipCounter += 1)}`;

describe.skipIf(postgresSkipped)('sign-in and session hardening', () => {
  let admin: TestUser;

  beforeAll(async () => {
    process.env.AUTH_SECRET = 'auth-hardening-test-secret-0123456789abcdef';
    db = await openTestDb();
    admin = await createUser(db, 'admin');
  });

  afterAll(async () => {
    await closeTestDb();
  });

  beforeEach(() => {
    password.verified.length = 0;
  });

  describe('throttling', () => {
    it('counts a failed sign-in against the account and the IP, in the database', async () => {
      const user = await signInUser();
      const ip = freshIp();
      expect(await authenticate(db, { email: user.email, password: 'wrong password here' }, ip)).toBeNull();
      expect(await rowsFor(accountKey(user.email))).toBe(1);
      expect(await rowsFor(ipKey(ip))).toBe(1);
      expect(await failureCounts(db, { email: user.email, ip })).toEqual({ account: 1, ip: 1 });
    });

    it('matches the account whatever the case of the email typed', async () => {
      const user = await signInUser();
      await authenticate(db, { email: user.email.toUpperCase(), password: 'wrong password here' }, freshIp());
      expect(await rowsFor(accountKey(user.email))).toBe(1);
    });

    it('refuses even the right password after 5 failures of the account, from any IP, until 15 minutes pass', async () => {
      const user = await signInUser();
      const start = new Date();
      for (let i = 0; i < ACCOUNT_MAX_FAILURES; i += 1) {
        expect(await authenticate(db, { email: user.email, password: `wrong ${i}` }, freshIp(), at(start, i * 1000))).toBeNull();
      }
      expect(await rowsFor(accountKey(user.email))).toBe(5);

      // Locked: the right password, from an address with no failures, is refused...
      password.verified.length = 0;
      expect(await authenticate(db, { email: user.email, password: PASSWORD }, freshIp(), at(start, MINUTE))).toBeNull();
      // ...after one argon2 verification against the decoy, never the real hash...
      expect(password.verified).toHaveLength(1);
      const [stored] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id));
      expect(password.verified[0]).not.toBe(stored.hash);
      // ...and the refusal is not itself counted (retrying must not extend the lock).
      expect(await rowsFor(accountKey(user.email))).toBe(5);

      // The window slides: once the oldest of the five is 15 minutes old, a fifth guess is allowed.
      expect(await authenticate(db, { email: user.email, password: PASSWORD }, freshIp(), at(start, THROTTLE_WINDOW_MS - 1000))).toBeNull();
      const signedIn = await authenticate(db, { email: user.email, password: PASSWORD }, freshIp(), at(start, THROTTLE_WINDOW_MS + 500));
      expect(signedIn).toMatchObject({ id: user.id, email: user.email, role: 'lead', sessionVersion: 1 });
    });

    it('clears the account’s failures on success, but not the IP’s', async () => {
      const user = await signInUser();
      const ip = freshIp();
      for (let i = 0; i < ACCOUNT_MAX_FAILURES - 1; i += 1) await authenticate(db, { email: user.email, password: `wrong ${i}` }, ip);
      expect(await authenticate(db, { email: user.email, password: PASSWORD }, ip)).not.toBeNull();
      expect(await rowsFor(accountKey(user.email))).toBe(0);
      expect(await rowsFor(ipKey(ip))).toBe(ACCOUNT_MAX_FAILURES - 1);
      // A fresh allowance: four more failures do not lock it.
      for (let i = 0; i < ACCOUNT_MAX_FAILURES - 1; i += 1) await authenticate(db, { email: user.email, password: `wrong ${i}` }, freshIp());
      expect(await authenticate(db, { email: user.email, password: PASSWORD }, freshIp())).not.toBeNull();
    });

    it('counts unknown emails exactly like real ones, so the lock reveals no account', async () => {
      const ghost = `nobody-${Date.now()}@hardening.test`;
      for (let i = 0; i < ACCOUNT_MAX_FAILURES; i += 1) await authenticate(db, { email: ghost, password: `guess ${i}` }, freshIp());
      expect(await rowsFor(accountKey(ghost))).toBe(ACCOUNT_MAX_FAILURES);
      expect((await failureCounts(db, { email: ghost, ip: null })).account).toBe(ACCOUNT_MAX_FAILURES);
      expect(password.verified).toHaveLength(ACCOUNT_MAX_FAILURES); // one verification each, against the decoy
    });

    it('refuses every account from an IP after 20 failures there, and only from that IP', async () => {
      const user = await signInUser();
      const sprayer = freshIp();
      const start = new Date();
      // Spraying: one guess each against many accounts, none of them locked on its own.
      for (let i = 0; i < IP_MAX_FAILURES; i += 1) {
        await authenticate(db, { email: `sprayed-${i}-${Date.now()}@hardening.test`, password: 'Summer2026!' }, sprayer, at(start, i * 1000));
      }
      expect(await rowsFor(ipKey(sprayer))).toBe(IP_MAX_FAILURES);
      expect(await authenticate(db, { email: user.email, password: PASSWORD }, sprayer, at(start, MINUTE))).toBeNull();
      expect(await authenticate(db, { email: user.email, password: PASSWORD }, freshIp(), at(start, MINUTE))).not.toBeNull();
      // Signing in elsewhere does not wipe the sprayer's record.
      expect(await rowsFor(ipKey(sprayer))).toBe(IP_MAX_FAILURES);
      expect(await authenticate(db, { email: user.email, password: PASSWORD }, sprayer, at(start, THROTTLE_WINDOW_MS + 20_000))).not.toBeNull();
    });

    it('without a client address counts the account alone', async () => {
      const user = await signInUser();
      await authenticate(db, { email: user.email, password: 'wrong password here' }, null);
      expect(await rowsFor(accountKey(user.email))).toBe(1);
      expect(await db.select().from(signInAttempts).where(like(signInAttempts.key, 'ip:null%'))).toEqual([]);
    });

    it('refuses malformed input without counting it', async () => {
      const ip = freshIp();
      expect(await authenticate(db, { email: 'not an email', password: PASSWORD }, ip)).toBeNull();
      expect(await authenticate(db, { email: 'a@example.org', password: 'x'.repeat(201) }, ip)).toBeNull();
      expect(await rowsFor(ipKey(ip))).toBe(0);
    });

    it('prunes attempts older than a day, now and then when recording one', async () => {
      const now = new Date();
      const key = accountKey(`prune-${Date.now()}@hardening.test`);
      await db.insert(signInAttempts).values([
        { key, at: at(now, -25 * 60 * MINUTE) },
        { key, at: at(now, -23 * 60 * MINUTE) },
      ]);
      expect(await pruneSignInAttempts(db, now)).toBeGreaterThanOrEqual(1);
      expect(await rowsFor(key)).toBe(1);

      await db.insert(signInAttempts).values({ key, at: at(now, -48 * 60 * MINUTE) });
      await recordFailedSignIn(db, { email: 'someone@hardening.test', ip: null }, now, () => 0.99); // no pruning this time
      expect(await rowsFor(key)).toBe(2);
      await recordFailedSignIn(db, { email: 'someone@hardening.test', ip: null }, now, () => 0); // pruning
      expect(await rowsFor(key)).toBe(1);
    });
  });

  describe('password policy on user creation', () => {
    const input = (password: string, email = `policy-${Date.now()}@hardening.test`) => createUserSchema.parse({ email, name: 'Policy', role: 'lead', password });

    it.each(['Password2026!', 'qwertyuiop123', 'P@ssw0rd#2024', 'Hirewatch-demo1'])('refuses the common password %j next to the field, creating nobody', async (password) => {
      const before = await countRows(db, 'users');
      const refused = await runStep(db, admin, createUserStep, input(password)).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(ActionRefused);
      expect((refused as ActionRefused).fieldErrors).toEqual({ password: [PASSWORD_MESSAGES.common] });
      expect(await countRows(db, 'users')).toBe(before);
    });

    it('accepts a passphrase', async () => {
      const { userId } = await runStep(db, admin, createUserStep, input('violet anchor drifting slowly'));
      const [row] = await db.select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, userId));
      expect(row.sessionVersion).toBe(1);
    });
  });

  describe('sessions', () => {
    async function tokenFor(user: TestUser, now = new Date()) {
      const [row] = await db.select().from(users).where(eq(users.id, user.id));
      return startSession(row, now);
    }

    it('renews a good session: lastSeen moves to now, the user as the database has them', async () => {
      const user = await signInUser();
      const start = new Date();
      const token = await tokenFor(user, start);
      // (To exec: a promotion to cso or admin ends the session instead, lib/auth/session-check.test.ts.)
      await db.update(users).set({ role: 'exec', name: 'Promoted' }).where(eq(users.id, user.id));
      const renewed = await checkSession(db, token, at(start, 10 * MINUTE));
      expect(renewed).toMatchObject({ sub: user.id, role: 'exec', name: 'Promoted', sessionVersion: 1, signedInAt: toSeconds(start), lastSeen: toSeconds(at(start, 10 * MINUTE)) });
    });

    it('ends every session of a user the moment they are disabled, and enabling them does not revive it', async () => {
      const user = await signInUser();
      const token = await tokenFor(user);
      expect(await checkSession(db, token)).not.toBeNull();

      await runStep(db, admin, disableUser, { userId: user.id });
      const [disabled] = await db.select().from(users).where(eq(users.id, user.id));
      expect(disabled.sessionVersion).toBe(2);
      expect(await checkSession(db, token)).toBeNull();

      await runStep(db, admin, enableUser, { userId: user.id });
      expect(await checkSession(db, token)).toBeNull(); // stale version: the old cookie stays dead
      expect(await checkSession(db, await tokenFor(user))).not.toBeNull(); // a new sign-in works
    });

    it('refuses a token whose session version is stale (as after a password change)', async () => {
      const user = await signInUser();
      const token = await tokenFor(user);
      await db.update(users).set({ sessionVersion: 7, passwordChangedAt: new Date() }).where(eq(users.id, user.id));
      expect(await checkSession(db, token)).toBeNull();
    });

    it('refuses the token of a disabled user even if the version was not bumped', async () => {
      const user = await signInUser();
      const token = await tokenFor(user);
      await db.update(users).set({ disabled: true }).where(eq(users.id, user.id));
      expect(await checkSession(db, token)).toBeNull();
    });

    it('ends a session idle for more than 30 minutes, and any session 8 hours after sign-in', async () => {
      const user = await signInUser();
      const start = new Date();
      const token = await tokenFor(user, start);
      expect(await checkSession(db, token, at(start, SESSION_IDLE_TIMEOUT_SECONDS * 1000))).not.toBeNull();
      expect(await checkSession(db, token, at(start, (SESSION_IDLE_TIMEOUT_SECONDS + 1) * 1000))).toBeNull();

      // Busy all day: renewed every 20 minutes, still over at 8 hours.
      let current: Record<string, unknown> | null = token;
      let now = start;
      while (now.getTime() - start.getTime() < SESSION_MAX_AGE_SECONDS * 1000 - 20 * MINUTE) {
        now = at(now, 20 * MINUTE);
        current = await checkSession(db, current!, now);
        expect(current, `renewed at ${now.toISOString()}`).not.toBeNull();
      }
      expect(await checkSession(db, current!, at(start, SESSION_MAX_AGE_SECONDS * 1000 + 1000))).toBeNull();
    });

    it('refuses tokens without the claims, of unknown users, or with a subject that is not an id', async () => {
      const user = await signInUser();
      expect(await checkSession(db, { sub: user.id, email: user.email })).toBeNull();
      expect(await checkSession(db, { ...(await tokenFor(user)), sub: '00000000-0000-4000-8000-000000000000' })).toBeNull();
      expect(await checkSession(db, { ...(await tokenFor(user)), sub: "x' or '1'='1" })).toBeNull();
    });
  });

  describe('through Auth.js', () => {
    // As next-auth's signIn() calls it from the sign-in Server Action: no CSRF round trip.
    const config = async (): Promise<Parameters<typeof Auth>[1]> => {
      const { authConfig } = await import('@/lib/auth/config');
      return { ...authConfig(), skipCSRFCheck };
    };

    async function postSignIn(origin: string, email: string, pass: string, ip: string): Promise<Response> {
      return Auth(
        new Request(`${origin}/api/auth/callback/credentials`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': `${ip}, 10.0.0.1` },
          body: new URLSearchParams({ email, password: pass, callbackUrl: '/' }),
        }),
        await config(),
      );
    }

    const sessionCookieOf = (response: Response) => response.headers.getSetCookie().find((cookie) => /^(__Secure-)?authjs\.session-token=/.test(cookie));

    async function getSession(origin: string, cookie: string): Promise<{ status: number; body: unknown; setCookies: string[] }> {
      const response = await Auth(new Request(`${origin}/api/auth/session`, { headers: { cookie } }), await config());
      return { status: response.status, body: await response.json(), setCookies: response.headers.getSetCookie() };
    }

    it('signs in over plain HTTP with an HttpOnly, SameSite=Lax session cookie that is not Secure', async () => {
      const user = await signInUser();
      const response = await postSignIn('http://127.0.0.1:3000', user.email, PASSWORD, freshIp());
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).not.toContain('error=');
      const cookie = sessionCookieOf(response)!;
      expect(cookie).toMatch(/^authjs\.session-token=/);
      expect(cookie).toMatch(/;\s*HttpOnly/i);
      expect(cookie).toMatch(/;\s*SameSite=Lax/i);
      expect(cookie).toMatch(/;\s*Path=\//i);
      expect(cookie).not.toMatch(/;\s*Secure/i);

      const session = await getSession('http://127.0.0.1:3000', cookie.split(';')[0]);
      expect(session.body).toMatchObject({ user: { id: user.id, email: user.email, role: 'lead' } });
      // The policing claims stay in the token.
      expect(JSON.stringify(session.body)).not.toMatch(/sessionVersion|lastSeen|signedInAt/);
      expect(session.setCookies.some((c) => c.startsWith('authjs.session-token='))).toBe(true); // re-issued
    });

    it('over HTTPS the cookies are Secure and __Secure-/__Host- prefixed', async () => {
      const user = await signInUser();
      const response = await postSignIn('https://hirewatch.example', user.email, PASSWORD, freshIp());
      const cookie = sessionCookieOf(response)!;
      expect(cookie).toMatch(/^__Secure-authjs\.session-token=/);
      expect(cookie).toMatch(/;\s*Secure/i);
      expect(cookie).toMatch(/;\s*HttpOnly/i);
      expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    });

    it('answers a wrong password and a throttled account alike, counting the client address of X-Forwarded-For', async () => {
      const user = await signInUser();
      const ip = freshIp();
      const wrong = await postSignIn('http://127.0.0.1:3000', user.email, 'not the password', ip);
      expect(await rowsFor(ipKey(ip))).toBe(1);
      for (let i = 0; i < ACCOUNT_MAX_FAILURES; i += 1) await authenticate(db, { email: user.email, password: 'wrong again' }, freshIp());
      const throttled = await postSignIn('http://127.0.0.1:3000', user.email, PASSWORD, freshIp());
      for (const response of [wrong, throttled]) {
        expect(response.status).toBe(302);
        expect(response.headers.get('location')).toBe('http://127.0.0.1:3000/login?error=CredentialsSignin&code=credentials');
        expect(sessionCookieOf(response)).toBeUndefined();
      }
    });

    it('ends the session on the next request once the user is disabled, clearing the cookie', async () => {
      const user = await signInUser();
      const cookie = sessionCookieOf(await postSignIn('http://127.0.0.1:3000', user.email, PASSWORD, freshIp()))!.split(';')[0];
      expect((await getSession('http://127.0.0.1:3000', cookie)).body).toMatchObject({ user: { id: user.id } });
      await runStep(db, admin, disableUser, { userId: user.id });
      const after = await getSession('http://127.0.0.1:3000', cookie);
      expect(after.body).toBeNull();
      expect(after.setCookies.find((c) => c.startsWith('authjs.session-token='))).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
    });

    it('renews the session cookie at the session endpoint, which the app pings while in use', async () => {
      // components/layout/session-keepalive.tsx calls GET /api/auth/session as the user
      // navigates: the re-issued token carries a new lastSeen, so the idle clock restarts.
      const user = await signInUser();
      const cookie = sessionCookieOf(await postSignIn('http://127.0.0.1:3000', user.email, PASSWORD, freshIp()))!.split(';')[0];
      const renewed = await getSession('http://127.0.0.1:3000', cookie);
      expect(renewed.body).toMatchObject({ user: { id: user.id } });
      expect(renewed.setCookies.some((c) => /^authjs\.session-token=.+;.*HttpOnly/i.test(c))).toBe(true);
    });
  });

});
