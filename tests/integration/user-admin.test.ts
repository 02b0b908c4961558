// User administration through the business steps the admin server actions run
// (lib/users/commands.ts), each in its own transaction with its audit entries, on a real
// database: argon2id hashes that never reach the audit log nor the user list, unique emails
// whatever their case, no administrator locking themself out, and the two-person rule.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionRefused } from '@/lib/actions/errors';
import { verifyPassword } from '@/lib/auth/password';
import type { Database } from '@/lib/db/client';
import { auditLog, settings, users } from '@/lib/db/schema';
import { getTwoPersonRule } from '@/lib/settings';
import { changeTwoPersonRule, createUser as createUserStep, disableUser, enableUser } from '@/lib/users/commands';
import { listUsers } from '@/lib/users/queries';
import { DUPLICATE_EMAIL_MESSAGE, createUserSchema, twoPersonRuleSchema, userStatusSchema } from '@/lib/users/validators';
import { closeTestDb, countRows, createUser, openTestDb, postgresSkipped, runStep, type TestUser } from './test-db';

const PASSWORD = 'correct horse battery staple 42';

describe.skipIf(postgresSkipped)('user administration', () => {
  let db: Database;
  let admin: TestUser;
  let otherAdmin: TestUser;

  beforeAll(async () => {
    db = await openTestDb();
    admin = await createUser(db, 'admin', 'admin1');
    otherAdmin = await createUser(db, 'admin', 'admin2');
  });

  afterAll(async () => {
    await closeTestDb();
  });

  // --- steps, through the same zod schemas the forms use --------------------------------

  function create(actor: TestUser, fields: { email: string; name?: string; role?: string; password?: string }) {
    const input = createUserSchema.parse({ name: 'New Person', role: 'lead', password: PASSWORD, ...fields });
    return runStep(db, actor, createUserStep, input);
  }

  const disable = (actor: TestUser, userId: string) => runStep(db, actor, disableUser, userStatusSchema.parse({ userId }));
  const enable = (actor: TestUser, userId: string) => runStep(db, actor, enableUser, userStatusSchema.parse({ userId }));
  const twoPersonRule = (actor: TestUser, enabled: 'on' | 'off') =>
    runStep(db, actor, changeTwoPersonRule, twoPersonRuleSchema.parse({ enabled }));

  async function userRow(id: string) {
    const [row] = await db.select().from(users).where(eq(users.id, id));
    if (!row) throw new Error(`no user ${id}`);
    return row;
  }

  function auditRows(action: string, targetId: string) {
    return db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.targetId, targetId)));
  }

  /** Rows of users whose email is this one in any case. */
  const usersWithEmail = (email: string) => countRows(db, 'users', sql`lower(email) = ${email.toLowerCase()}`);

  // --- creating users -----------------------------------------------------------------------

  describe('creating a user', () => {
    let userId: string;
    const email = 'Priya.Raman@Example.COM';

    it('stores the email lower-cased with an argon2id hash that verifies the initial password', async () => {
      const result = await create(admin, { email: `  ${email} `, name: 'Priya Raman', role: 'cso' });
      userId = result.userId;
      expect(result.message).toContain('priya.raman@example.com');
      expect(result.message).not.toContain(PASSWORD);

      const row = await userRow(userId);
      expect(row).toMatchObject({ email: 'priya.raman@example.com', name: 'Priya Raman', role: 'cso', disabled: false });
      expect(row.passwordHash.startsWith('$argon2id$')).toBe(true);
      expect(row.passwordHash).not.toContain(PASSWORD);
      expect(await verifyPassword(row.passwordHash, PASSWORD)).toBe(true);
      expect(await verifyPassword(row.passwordHash, `${PASSWORD}!`)).toBe(false);
      expect(await verifyPassword(row.passwordHash, PASSWORD.toUpperCase())).toBe(false);
    });

    it('keeps the password exactly as typed (no trimming)', async () => {
      const spaced = `  ${PASSWORD}  `;
      const { userId: id } = await create(admin, { email: 'spaced.password@example.com', password: spaced });
      const row = await userRow(id);
      expect(await verifyPassword(row.passwordHash, spaced)).toBe(true);
      expect(await verifyPassword(row.passwordHash, PASSWORD)).toBe(false);
    });

    it('writes a user.created audit entry with neither the password nor its hash', async () => {
      const row = await userRow(userId);
      const entries = await auditRows('user.created', 'priya.raman@example.com');
      expect(entries).toHaveLength(1);
      const [entry] = entries;
      expect(entry).toMatchObject({ actorId: admin.id, actorEmail: admin.email, targetType: 'user' });
      expect(entry.after).toEqual({ id: userId, email: 'priya.raman@example.com', name: 'Priya Raman', role: 'cso' });

      const json = JSON.stringify({ before: entry.before, after: entry.after });
      expect(json).not.toContain(PASSWORD);
      expect(json).not.toContain(row.passwordHash);
      expect(json).not.toContain('$argon2');
      expect(json.toLowerCase()).not.toMatch(/password|hash/);
      // Nor anywhere else in the row.
      const whole = JSON.stringify(entry);
      expect(whole).not.toContain(PASSWORD);
      expect(whole).not.toContain(row.passwordHash);
    });

    it('refuses the same email again, in any case, with a field error and no second row', async () => {
      const before = { users: await countRows(db, 'users'), audit: await countRows(db, 'audit_log') };
      for (const again of ['priya.raman@example.com', 'PRIYA.RAMAN@EXAMPLE.COM', ' Priya.Raman@example.com']) {
        const attempt = create(otherAdmin, { email: again, name: 'Impostor', role: 'admin' });
        await expect(attempt).rejects.toBeInstanceOf(ActionRefused);
        await attempt.catch((error: ActionRefused) => {
          expect(error.message).toBe(DUPLICATE_EMAIL_MESSAGE);
          expect(error.fieldErrors.email).toEqual([DUPLICATE_EMAIL_MESSAGE]);
        });
      }
      expect(await usersWithEmail('priya.raman@example.com')).toBe(1);
      expect(await countRows(db, 'users')).toBe(before.users);
      expect(await countRows(db, 'audit_log')).toBe(before.audit);
      // The first user is untouched.
      expect(await userRow(userId)).toMatchObject({ name: 'Priya Raman', role: 'cso' });
    });

    it('refuses an email an older row holds in mixed case', async () => {
      // A row written before emails were lower-cased on the way in (or by hand).
      await db.insert(users).values({ email: 'Legacy.User@Example.org', name: 'Legacy', role: 'lead', passwordHash: 'not-a-real-hash' });
      const attempt = create(admin, { email: 'legacy.user@example.org' });
      await expect(attempt).rejects.toBeInstanceOf(ActionRefused);
      await attempt.catch((error: ActionRefused) => expect(error.fieldErrors.email).toEqual([DUPLICATE_EMAIL_MESSAGE]));
      expect(await usersWithEmail('legacy.user@example.org')).toBe(1);
    });

    it('lets exactly one of two concurrent creations of the same email win', async () => {
      const results = await Promise.allSettled([
        create(admin, { email: 'race.user@example.com', name: 'Race A' }),
        create(otherAdmin, { email: 'Race.User@example.com', name: 'Race B' }),
      ]);
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0].reason).toBeInstanceOf(ActionRefused);
      expect((lost[0].reason as ActionRefused).fieldErrors.email).toEqual([DUPLICATE_EMAIL_MESSAGE]);
      expect(await usersWithEmail('race.user@example.com')).toBe(1);
      expect(await auditRows('user.created', 'race.user@example.com')).toHaveLength(1);
    });
  });

  // --- disabling and enabling -------------------------------------------------------------

  describe('disabling and enabling', () => {
    let subject: TestUser;

    beforeAll(async () => {
      subject = await createUser(db, 'recruiter', 'subject');
    });

    it('refuses an administrator disabling themself and changes nothing', async () => {
      const audit = await countRows(db, 'audit_log');
      const attempt = disable(admin, admin.id);
      await expect(attempt).rejects.toBeInstanceOf(ActionRefused);
      await expect(attempt).rejects.toThrow(/your own account/i);
      expect((await userRow(admin.id)).disabled).toBe(false);
      expect(await countRows(db, 'audit_log')).toBe(audit);
    });

    it('refuses an unknown user', async () => {
      await expect(disable(admin, '00000000-0000-4000-8000-000000000000')).rejects.toThrow(/does not exist/i);
      await expect(enable(admin, '00000000-0000-4000-8000-000000000000')).rejects.toThrow(/does not exist/i);
    });

    it('disables another user and writes a user.disabled audit entry', async () => {
      const result = await disable(admin, subject.id);
      expect(result.message).toContain(subject.email);
      expect((await userRow(subject.id)).disabled).toBe(true);
      const entries = await auditRows('user.disabled', subject.email);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ actorId: admin.id, targetType: 'user', before: { disabled: false }, after: { disabled: true } });
    });

    it('refuses to disable a user twice', async () => {
      const audit = await countRows(db, 'audit_log');
      await expect(disable(otherAdmin, subject.id)).rejects.toThrow(/already disabled/i);
      expect(await countRows(db, 'audit_log')).toBe(audit);
      expect((await userRow(subject.id)).disabled).toBe(true);
    });

    it('enables the user again and writes a user.enabled audit entry', async () => {
      await enable(otherAdmin, subject.id);
      expect((await userRow(subject.id)).disabled).toBe(false);
      const entries = await auditRows('user.enabled', subject.email);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ actorId: otherAdmin.id, before: { disabled: true }, after: { disabled: false } });
    });

    it('refuses to enable an active user', async () => {
      const audit = await countRows(db, 'audit_log');
      await expect(enable(admin, subject.id)).rejects.toThrow(/already active/i);
      expect(await countRows(db, 'audit_log')).toBe(audit);
    });

    it('lets another administrator disable an administrator', async () => {
      await disable(otherAdmin, admin.id);
      expect((await userRow(admin.id)).disabled).toBe(true);
      await enable(otherAdmin, admin.id);
      expect((await userRow(admin.id)).disabled).toBe(false);
    });
  });

  // --- the user list --------------------------------------------------------------------------

  it('lists every user, active first then by email, never with a password hash', async () => {
    const disabled = await createUser(db, 'exec', 'listed-disabled');
    await disable(admin, disabled.id);

    const listed = await listUsers();
    expect(listed).toHaveLength(await countRows(db, 'users'));
    for (const row of listed) {
      expect(Object.keys(row).sort()).toEqual(['createdAt', 'disabled', 'email', 'hasSecondFactor', 'id', 'name', 'role']);
      expect(row).not.toHaveProperty('passwordHash');
      expect(row).not.toHaveProperty('password_hash');
      expect(JSON.stringify(row)).not.toContain('$argon2');
    }
    expect(listed.map((u) => u.email)).toContain('priya.raman@example.com');
    // Active users first, each group by email.
    const order = listed.map((u) => [u.disabled ? 1 : 0, u.email] as const);
    const sorted = [...order].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    expect(order).toEqual(sorted);
    expect(listed.find((u) => u.id === disabled.id)?.disabled).toBe(true);
  });

  // --- the two-person rule --------------------------------------------------------------------

  describe('the two-person rule', () => {
    it('is on by default', async () => {
      expect(await getTwoPersonRule(db)).toBe(true);
    });

    it('refuses switching it to the state it is already in, writing nothing', async () => {
      const audit = await countRows(db, 'audit_log');
      await expect(twoPersonRule(admin, 'on')).rejects.toThrow(/already on/i);
      expect(await countRows(db, 'audit_log')).toBe(audit);
      expect(await countRows(db, 'settings')).toBe(0);
    });

    it('switches off with a settings.changed audit entry, and getTwoPersonRule reflects it', async () => {
      const result = await twoPersonRule(admin, 'off');
      expect(result.message).toMatch(/off/);
      expect(await getTwoPersonRule(db)).toBe(false);
      const [stored] = await db.select().from(settings).where(eq(settings.key, 'two_person_rule'));
      expect(stored.value).toEqual({ enabled: false });
      const entries = await auditRows('settings.changed', 'two_person_rule');
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({
        actorId: admin.id,
        targetType: 'settings',
        before: { twoPersonRule: 'on' },
        after: { twoPersonRule: 'off' },
      });
      await expect(twoPersonRule(otherAdmin, 'off')).rejects.toThrow(/already off/i);
    });

    it('switches back on with a second settings.changed entry', async () => {
      await twoPersonRule(otherAdmin, 'on');
      expect(await getTwoPersonRule(db)).toBe(true);
      const entries = await auditRows('settings.changed', 'two_person_rule');
      expect(entries).toHaveLength(2);
      expect(entries.map((e) => [e.actorId, e.before, e.after])).toEqual(
        expect.arrayContaining([[otherAdmin.id, { twoPersonRule: 'off' }, { twoPersonRule: 'on' }]]),
      );
      expect(await countRows(db, 'settings')).toBe(1);
    });
  });
});
