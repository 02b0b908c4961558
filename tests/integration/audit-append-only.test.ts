// The audit log is append-only in the database itself (drizzle/0001_audit_append_only.sql):
// whatever the code does, an UPDATE, DELETE or TRUNCATE of audit_log is refused.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '@/lib/audit/log';
import type { Database } from '@/lib/db/client';
import { auditLog } from '@/lib/db/schema';
import { closeTestDb, createUser, errorChainText, openTestDb, postgresSkipped, type TestUser } from './test-db';

async function expectRefused(attempt: Promise<unknown>, operation: string): Promise<void> {
  const error = await attempt.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `${operation} on audit_log should have been refused`).not.toBeNull();
  expect(errorChainText(error)).toMatch(new RegExp(`audit_log is append-only: ${operation} is not allowed`));
}

describe.skipIf(postgresSkipped)('audit log is append-only', () => {
  let db: Database;
  let admin: TestUser;

  beforeAll(async () => {
    db = await openTestDb();
    admin = await createUser(db, 'admin');
  });

  afterAll(async () => {
    await closeTestDb();
  });

  async function allEntries() {
    return db.select().from(auditLog).orderBy(auditLog.id);
  }

  it('appendAudit inserts entries with the actor, request metadata and database time', async () => {
    const startedAt = Date.now();
    await appendAudit(db, { id: admin.id, email: admin.email, ip: '203.0.113.9', userAgent: 'x'.repeat(500) }, [
      { action: 'user.created', targetType: 'user', targetId: 'new@integration.test', after: { role: 'lead' } },
      { action: 'settings.changed', targetType: 'settings', targetId: 'two_person_rule', before: { enabled: true }, after: { enabled: false } },
    ]);
    await db.transaction(async (tx) => {
      await appendAudit(tx, { id: null, email: 'system' }, { action: 'watchlist.added', targetType: 'watchlist', targetId: 'import', after: { entries: 3 } });
    });
    await appendAudit(db, { id: admin.id, email: admin.email }, []);

    const entries = await allEntries();
    expect(entries).toHaveLength(3);
    expect(entries[0]).toMatchObject({
      actorId: admin.id,
      actorEmail: admin.email,
      action: 'user.created',
      targetType: 'user',
      targetId: 'new@integration.test',
      caseId: null,
      before: null,
      after: { role: 'lead' },
      ip: '203.0.113.9',
    });
    expect(entries[0].userAgent).toHaveLength(300);
    expect(entries[1]).toMatchObject({ action: 'settings.changed', before: { enabled: true }, after: { enabled: false } });
    expect(entries[2]).toMatchObject({ actorId: null, actorEmail: 'system', action: 'watchlist.added', ip: null, userAgent: null });
    expect(entries[0].id).toBeLessThan(entries[1].id);
    expect(entries[0].at.getTime()).toBeGreaterThan(startedAt - 60_000);
  });

  it('rejects a raw SQL UPDATE of an entry', async () => {
    const before = await allEntries();
    await expectRefused(db.execute(sql`update audit_log set action = 'case.decided', actor_email = 'someone@else' where id = ${before[0].id}`), 'UPDATE');
    await expectRefused(db.update(auditLog).set({ actorEmail: 'forged@example.org' }), 'UPDATE');
    expect(await allEntries()).toEqual(before);
  });

  it('rejects a raw SQL DELETE of an entry or of all of them', async () => {
    const before = await allEntries();
    await expectRefused(db.execute(sql`delete from audit_log where id = ${before[0].id}`), 'DELETE');
    await expectRefused(db.execute(sql`delete from audit_log`), 'DELETE');
    await expectRefused(db.delete(auditLog).where(eq(auditLog.action, 'user.created')), 'DELETE');
    expect(await allEntries()).toEqual(before);
  });

  it('rejects TRUNCATE', async () => {
    const before = await allEntries();
    await expectRefused(db.execute(sql`truncate audit_log`), 'TRUNCATE');
    await expectRefused(db.execute(sql`truncate table audit_log restart identity cascade`), 'TRUNCATE');
    expect(await allEntries()).toEqual(before);
  });

  it('rolls back the whole transaction of a refused change, entry included', async () => {
    const before = await allEntries();
    const attempt = db.transaction(async (tx) => {
      await appendAudit(tx, { id: admin.id, email: admin.email }, { action: 'user.disabled', targetType: 'user', targetId: 'victim@integration.test' });
      await tx.execute(sql`delete from audit_log where action = 'user.created'`);
    });
    await expectRefused(attempt, 'DELETE');
    expect(await allEntries()).toEqual(before);
    // Appending still works afterwards.
    await appendAudit(db, { id: admin.id, email: admin.email }, { action: 'user.enabled', targetType: 'user', targetId: 'victim@integration.test' });
    expect(await allEntries()).toHaveLength(before.length + 1);
  });
});
