// The second factor of cso and admin on a real database (PGlite and PostgreSQL): enrollment,
// the code step with replay refused, recovery codes used once, failures counted in the
// sign-in throttle, an administrator's reset ending sessions, and the session itself, which
// authorizes nothing until the code step's proof promotes it through Auth.js.
import { Auth, skipCSRFCheck } from '@auth/core';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionRefused } from '@/lib/actions/errors';
import { authenticate } from '@/lib/auth/credentials';
import { confirmEnrollment, verifySecondFactor, type CodeAttempt } from '@/lib/auth/mfa/code-step';
import { secondFactorProof } from '@/lib/auth/mfa/proof';
import { normalizeRecoveryCode } from '@/lib/auth/mfa/recovery-codes';
import { enrollmentSecret, hasConfirmedFactor } from '@/lib/auth/mfa/store';
import { timeStep, totpCode, TOTP_PERIOD_SECONDS } from '@/lib/auth/mfa/totp';
import { hashPassword } from '@/lib/auth/password';
import { checkSession, startSession } from '@/lib/auth/session-check';
import { ACCOUNT_MAX_FAILURES, accountKey } from '@/lib/auth/throttle';
import type { Database } from '@/lib/db/client';
import { auditLog, recoveryCodes, signInAttempts, userSecondFactors, users } from '@/lib/db/schema';
import { resetSecondFactor } from '@/lib/users/commands';
import { closeTestDb, createUser, openTestDb, postgresSkipped, runStep, type TestUser } from './test-db';

const PASSWORD = 'violet anchor drifting slowly';
let db: Database;
let counter = 0;
let ipCounter = 0;
const freshIp = () => `198.51.100.${(ipCounter += 1)}`;

async function signInUser(role: TestUser['role'] = 'cso'): Promise<TestUser> {
  counter += 1;
  const [row] = await db
    .insert(users)
    .values({ email: `mfa-${counter}-${Date.now()}@second-factor.test`, name: `MFA ${counter}`, role, passwordHash: await hashPassword(PASSWORD) })
    .returning({ id: users.id, email: users.email, role: users.role });
  return row;
}

/** A moment `steps` time steps after `base`, 10 s into its step. */
function stepsLater(base: Date, steps: number): Date {
  return new Date((timeStep(base) + steps) * TOTP_PERIOD_SECONDS * 1000 + 10_000);
}

function attempt(user: TestUser, code: string, now: Date, ip = freshIp()): CodeAttempt {
  return { user, code, ip, userAgent: 'integration-test', now };
}

/** Enrolls `user` at `now`; returns the secret and the recovery codes. */
async function enroll(user: TestUser, now: Date): Promise<{ secret: string; codes: string[] }> {
  const secret = (await enrollmentSecret(db, user.id))!;
  const result = await confirmEnrollment(db, attempt(user, totpCode(secret, now), now));
  if (!result.ok) throw new Error('enrollment failed');
  return { secret, codes: result.recoveryCodes };
}

async function auditActions(email: string): Promise<string[]> {
  const rows = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, email)).orderBy(auditLog.id);
  return rows.map((r) => r.action);
}

async function accountFailures(email: string): Promise<number> {
  return (await db.select().from(signInAttempts).where(eq(signInAttempts.key, accountKey(email)))).length;
}

describe.skipIf(postgresSkipped)('second factor', () => {
  let admin: TestUser;

  beforeAll(async () => {
    process.env.AUTH_SECRET = 'second-factor-test-secret-0123456789abcdef';
    db = await openTestDb();
    admin = await createUser(db, 'admin');
  });

  afterAll(async () => {
    await closeTestDb();
  });

  describe('enrollment', () => {
    it('offers the same secret until confirmed, stored encrypted, then none', async () => {
      const user = await signInUser();
      const secret = await enrollmentSecret(db, user.id);
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(await enrollmentSecret(db, user.id)).toBe(secret);
      const [row] = await db.select().from(userSecondFactors).where(eq(userSecondFactors.userId, user.id));
      expect(row.secretEncrypted).not.toContain(secret);
      expect(row.confirmedAt).toBeNull();

      await enroll(user, new Date());
      expect(await hasConfirmedFactor(db, user.id)).toBe(true);
      expect(await enrollmentSecret(db, user.id)).toBeNull();
    });

    it('refuses a wrong code (counted and audited), then confirms with a right one: ten hashed recovery codes, audited', async () => {
      const user = await signInUser('admin');
      const secret = (await enrollmentSecret(db, user.id))!;
      const now = new Date();
      expect(await confirmEnrollment(db, attempt(user, totpCode(secret, stepsLater(now, 5)), now))).toEqual({ ok: false });
      expect(await accountFailures(user.email)).toBe(1);
      expect(await hasConfirmedFactor(db, user.id)).toBe(false);

      const result = await confirmEnrollment(db, attempt(user, totpCode(secret, now), now));
      expect(result.ok).toBe(true);
      const codes = result.ok ? result.recoveryCodes : [];
      expect(codes).toHaveLength(10);
      const stored = await db.select({ codeHash: recoveryCodes.codeHash }).from(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
      expect(stored).toHaveLength(10);
      for (const { codeHash } of stored) {
        expect(codeHash).toMatch(/^[0-9a-f]{64}$/);
        expect(codes.some((c) => codeHash.includes(normalizeRecoveryCode(c)!))).toBe(false);
      }
      expect(await accountFailures(user.email)).toBe(0); // a completed second factor starts the count afresh
      expect(await auditActions(user.email)).toEqual(['mfa.verify_failed', 'mfa.enrolled']);
      const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.targetId, user.email), eq(auditLog.action, 'mfa.enrolled')));
      expect(JSON.stringify(entry)).not.toContain(codes[0]);
      expect(entry).toMatchObject({ actorId: user.id, ip: expect.stringMatching(/^198\.51\.100\./), userAgent: 'integration-test' });
    });

    it('cannot re-enroll over a confirmed factor', async () => {
      const user = await signInUser();
      const now = new Date();
      const { secret } = await enroll(user, now);
      expect(await confirmEnrollment(db, attempt(user, totpCode(secret, stepsLater(now, 1)), stepsLater(now, 1)))).toEqual({ ok: false });
    });
  });

  describe('the code step', () => {
    it('accepts a code once: the same code again, or an earlier step, is a replay', async () => {
      const user = await signInUser();
      const start = new Date();
      const { secret } = await enroll(user, start);
      const later = stepsLater(start, 2);
      const code = totpCode(secret, later);
      expect(await verifySecondFactor(db, attempt(user, code, later))).toEqual({ ok: true, method: 'totp' });
      expect(await verifySecondFactor(db, attempt(user, code, later))).toEqual({ ok: false });
      // The step before is inside the ±1 window, but older than the one just used.
      expect(await verifySecondFactor(db, attempt(user, totpCode(secret, stepsLater(start, 1)), later))).toEqual({ ok: false });
      // The next step is fine.
      expect(await verifySecondFactor(db, attempt(user, totpCode(secret, stepsLater(start, 3)), later))).toEqual({ ok: true, method: 'totp' });
      expect(await auditActions(user.email)).toEqual(['mfa.enrolled', 'mfa.verify_failed', 'mfa.verify_failed']);
    });

    it('lets exactly one of two concurrent uses of one code win', async () => {
      const user = await signInUser();
      const start = new Date();
      const { secret } = await enroll(user, start);
      const later = stepsLater(start, 2);
      const code = totpCode(secret, later);
      const results = await Promise.all([verifySecondFactor(db, attempt(user, code, later)), verifySecondFactor(db, attempt(user, code, later))]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
    });

    it('takes a recovery code once, in any spelling, and audits it with the codes left', async () => {
      const user = await signInUser('admin');
      const now = new Date();
      const { codes } = await enroll(user, now);
      const typed = codes[3].toLowerCase().replaceAll('-', ' ');
      expect(await verifySecondFactor(db, attempt(user, typed, now))).toEqual({ ok: true, method: 'recovery_code' });
      expect(await verifySecondFactor(db, attempt(user, codes[3], now))).toEqual({ ok: false });
      const used = await db.select().from(recoveryCodes).where(and(eq(recoveryCodes.userId, user.id)));
      expect(used.filter((r) => r.usedAt !== null)).toHaveLength(1);
      const entries = await db.select().from(auditLog).where(eq(auditLog.targetId, user.email)).orderBy(auditLog.id);
      expect(entries.map((e) => e.action)).toEqual(['mfa.enrolled', 'mfa.recovery_code_used', 'mfa.verify_failed']);
      expect(entries[1].after).toEqual({ unusedRecoveryCodes: 9 });
    });

    it('refuses another user’s recovery code', async () => {
      const [a, b] = [await signInUser(), await signInUser()];
      const now = new Date();
      const { codes } = await enroll(a, now);
      await enroll(b, now);
      expect(await verifySecondFactor(db, attempt(b, codes[0], now))).toEqual({ ok: false });
    });

    it('counts failed codes in the sign-in throttle: after 5, even the right code and the right password are refused', async () => {
      const user = await signInUser();
      const start = new Date();
      const { secret } = await enroll(user, start);
      const now = stepsLater(start, 2);
      // Re-entering the password does not reset the count (it would buy 5 more guesses each time).
      expect(await authenticate(db, { email: user.email, password: PASSWORD }, freshIp(), now)).not.toBeNull();
      for (let i = 0; i < ACCOUNT_MAX_FAILURES; i += 1) {
        expect(await verifySecondFactor(db, attempt(user, String(100000 + i), now))).toEqual({ ok: false });
        if (i === 1) expect(await authenticate(db, { email: user.email, password: PASSWORD }, freshIp(), now)).not.toBeNull();
      }
      expect(await accountFailures(user.email)).toBe(ACCOUNT_MAX_FAILURES);
      expect(await verifySecondFactor(db, attempt(user, totpCode(secret, now), now))).toEqual({ ok: false });
      expect(await authenticate(db, { email: user.email, password: PASSWORD }, freshIp(), now)).toBeNull();
      // The throttled refusals were not counted (retrying must not extend the pause), and the right code was not spent.
      expect(await accountFailures(user.email)).toBe(ACCOUNT_MAX_FAILURES);
      const [row] = await db.select({ lastUsedStep: userSecondFactors.lastUsedStep }).from(userSecondFactors).where(eq(userSecondFactors.userId, user.id));
      expect(row.lastUsedStep).toBe(timeStep(start));
    });

    it('refuses a code of a user without a confirmed factor', async () => {
      const user = await signInUser();
      const secret = (await enrollmentSecret(db, user.id))!;
      expect(await verifySecondFactor(db, attempt(user, totpCode(secret, new Date()), new Date()))).toEqual({ ok: false });
    });
  });

  describe('reset by an administrator', () => {
    it('removes the factor and codes, ends the user’s sessions, audits it; the next sign-in enrolls anew', async () => {
      const user = await signInUser();
      const now = new Date();
      await enroll(user, now);
      const [row] = await db.select().from(users).where(eq(users.id, user.id));
      const token = { ...startSession(row, now, 'challenge'), mfa: 'passed' as const, mfaChallenge: undefined };
      expect(await checkSession(db, token, now)).not.toBeNull();

      await runStep(db, admin, resetSecondFactor, { userId: user.id });
      expect(await checkSession(db, token, now)).toBeNull();
      expect(await db.select().from(userSecondFactors).where(eq(userSecondFactors.userId, user.id))).toEqual([]);
      expect(await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id))).toEqual([]);
      const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.targetId, user.email), eq(auditLog.action, 'mfa.reset')));
      expect(entry).toMatchObject({ actorId: admin.id, before: { secondFactor: 'totp' }, after: { secondFactor: null } });
      expect(await enrollmentSecret(db, user.id)).toMatch(/^[A-Z2-7]{32}$/);
    });

    it('refuses an administrator resetting their own factor, or a user without one, and changes nothing', async () => {
      const self = await runStep(db, admin, resetSecondFactor, { userId: admin.id }).catch((e: unknown) => e);
      expect(self).toBeInstanceOf(ActionRefused);
      const lead = await signInUser('lead');
      const none = await runStep(db, admin, resetSecondFactor, { userId: lead.id }).catch((e: unknown) => e);
      expect((none as Error).message).toMatch(/no second factor/);
      const [row] = await db.select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, lead.id));
      expect(row.sessionVersion).toBe(1);
    });
  });

  describe('the session through Auth.js', () => {
    const origin = 'http://127.0.0.1:3000';
    const config = async (): Promise<Parameters<typeof Auth>[1]> => {
      const { authConfig } = await import('@/lib/auth/config');
      return { ...authConfig(), skipCSRFCheck };
    };
    const cookieOf = (response: Response) => response.headers.getSetCookie().find((c) => c.startsWith('authjs.session-token='))?.split(';')[0];

    async function signInCookie(email: string): Promise<string> {
      const response = await Auth(
        new Request(`${origin}/api/auth/callback/credentials`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': freshIp() },
          body: new URLSearchParams({ email, password: PASSWORD, callbackUrl: '/' }),
        }),
        await config(),
      );
      return cookieOf(response)!;
    }

    async function session(cookie: string, update?: unknown): Promise<{ body: Record<string, unknown> | null; cookie: string | undefined }> {
      const init: RequestInit = update === undefined ? { headers: { cookie } } : { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ data: update }) };
      const response = await Auth(new Request(`${origin}/api/auth/session`, init), await config());
      return { body: (await response.json()) as Record<string, unknown> | null, cookie: cookieOf(response) };
    }

    it('gives a cso a pending session without a role, which a browser’s own update cannot promote, and a valid proof can', async () => {
      const user = await signInUser();
      const pending = await session(await signInCookie(user.email));
      expect(pending.body).toMatchObject({ mfaPending: true, user: { id: user.id, email: user.email } });
      expect((pending.body!.user as Record<string, unknown>).role).toBeUndefined();
      const challenge = pending.body!.mfaChallenge as string;
      expect(challenge).toBeTruthy();

      // A forged or foreign proof, or one of the enrollment purpose, changes nothing.
      for (const mfaProof of ['forged', secondFactorProof('another-challenge'), secondFactorProof(challenge, 'enrollment')]) {
        const refused = await session(pending.cookie!, { mfaProof, mfa: 'passed', role: 'cso' });
        expect(refused.body).toMatchObject({ mfaPending: true });
      }
      const passed = await session(pending.cookie!, { mfaProof: secondFactorProof(challenge) });
      expect(passed.body).toMatchObject({ user: { id: user.id, role: 'cso' } });
      expect(passed.body).not.toHaveProperty('mfaPending');
      expect(passed.body).not.toHaveProperty('mfaChallenge');
      // The promoted token keeps its state on the next request.
      expect((await session(passed.cookie!)).body).toMatchObject({ user: { role: 'cso' } });
    });

    it('gives a lead a full session at once', async () => {
      const user = await signInUser('lead');
      const { body } = await session(await signInCookie(user.email));
      expect(body).toMatchObject({ user: { id: user.id, role: 'lead' } });
      expect(body).not.toHaveProperty('mfaPending');
    });
  });
});
