// The audit log's hash chain on a real database (lib/audit/log.ts, lib/audit/verify.ts): every
// entry appended links to the one before, also with concurrent writers, the values hashed are
// the values stored (jsonb key order, uuids, timestamps), and a change made behind the app's
// back — with the append-only trigger switched off, as only a database owner could — is
// reported at the entry where it happened.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, type AuditInput } from '@/lib/audit/log';
import { GENESIS_HASH } from '@/lib/audit/hash-chain';
import { verifyAuditChain } from '@/lib/audit/verify';
import type { Database } from '@/lib/db/client';
import { auditLog, type AuditEntry } from '@/lib/db/schema';
import { closeTestDb, createUser, openTestDb, postgresSkipped, type TestUser } from './test-db';

describe.skipIf(postgresSkipped)('audit hash chain', () => {
  let db: Database;
  let admin: TestUser;

  beforeAll(async () => {
    db = await openTestDb();
    admin = await createUser(db, 'admin');
  });

  afterAll(async () => {
    await closeTestDb();
  });

  async function allEntries(): Promise<AuditEntry[]> {
    return db.select().from(auditLog).orderBy(auditLog.id);
  }

  /** Runs `change` with the append-only trigger off, as a database owner tampering would. */
  async function behindTheAppsBack(change: () => Promise<unknown>): Promise<void> {
    await db.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
    try {
      await change();
    } finally {
      await db.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
    }
  }

  const note = (targetId: string, after: Record<string, unknown> | null = null): AuditInput => ({ action: 'case.note_added', targetType: 'case', targetId, after });

  it('links every appended entry to the one before, from the genesis hash, over the values as stored', async () => {
    const backDated = new Date('2025-11-03T08:09:10.123Z');
    const caseId = crypto.randomUUID();
    await appendAudit(db, { id: admin.id, email: admin.email, ip: '203.0.113.9', userAgent: 'vitest' }, [
      { action: 'user.created', targetType: 'user', targetId: 'new@integration.test', after: { role: 'lead', name: 'Ann', active: true } },
      {
        action: 'settings.changed',
        targetType: 'settings',
        targetId: 'risk',
        // jsonb gives keys back in its own order and reformats numbers; Dates become strings.
        before: { zeta: 1, alpha: { b: [3, 1.5, { y: null, x: 'é😀' }], a: 1e21 }, when: new Date('2026-01-01T00:00:00Z'), gone: undefined },
        after: { threshold: 40.0, weights: { phone: 10, email: 25 }, small: 1e-7, neg: -0 },
      },
    ]);
    await db.transaction(async (tx) => {
      // An upper-case uuid is stored lower-case; an emoji cut by the 300-character user-agent
      // limit is stored as U+FFFD: the hash must be over what is stored.
      await appendAudit(tx, { id: admin.id.toUpperCase(), email: admin.email, userAgent: `${'x'.repeat(299)}😀` }, { ...note('HW-2026-0001', { text: 'hello' }), caseId: caseId.toUpperCase() });
      await appendAudit(tx, { id: null, email: 'system' }, { action: 'watchlist.expired', targetType: 'watchlist', targetId: 'email:a@b.test', at: backDated });
    });

    const entries = await allEntries();
    expect(entries).toHaveLength(4);
    expect(entries[0].prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < entries.length; i += 1) {
      expect(entries[i].prevHash).toBe(entries[i - 1].hash);
      expect(entries[i].id).toBeGreaterThan(entries[i - 1].id);
    }
    for (const entry of entries) expect(entry.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(entries.map((e) => e.hash)).size).toBe(4);
    expect(entries[2]).toMatchObject({ actorId: admin.id, caseId });
    expect(entries[2].userAgent).toBe(`${'x'.repeat(299)}\uFFFD`);
    expect(entries[3].at.toISOString()).toBe(backDated.toISOString());
    // Stamped by the database clock when appended.
    expect(Math.abs(entries[0].at.getTime() - Date.now())).toBeLessThan(60_000);

    const last = entries[entries.length - 1];
    const expected = { ok: true, checked: 4, unhashed: 0, head: { id: last.id, hash: last.hash } };
    expect(await verifyAuditChain(db)).toEqual(expected);
    expect(await verifyAuditChain(db, { batchSize: 1 })).toEqual(expected);
    expect(await verifyAuditChain(db, { batchSize: 3 })).toEqual(expected);
  });

  it('keeps the chain across a rolled-back append, which leaves only a gap in the ids', async () => {
    const before = await allEntries();
    const failed = db.transaction(async (tx) => {
      await appendAudit(tx, { id: admin.id, email: admin.email }, [note('rolled-back-1'), note('rolled-back-2')]);
      throw new Error('the change fails after its audit entries were written');
    });
    await expect(failed).rejects.toThrow(/the change fails/);
    await appendAudit(db, { id: admin.id, email: admin.email }, note('after-rollback'));

    const entries = await allEntries();
    expect(entries).toHaveLength(before.length + 1);
    const added = entries[entries.length - 1];
    expect(added.prevHash).toBe(before[before.length - 1].hash);
    expect(added.id).toBeGreaterThan(before[before.length - 1].id + 1);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checked: entries.length });
  });

  it('keeps one chain when parallel transactions append at the same time', async () => {
    const before = (await allEntries()).length;
    const writers = Array.from({ length: 5 }, (_, writer) =>
      db.transaction(async (tx) => {
        // Start together, append at staggered times, and hold the lock a little while.
        await tx.execute(sql`select pg_sleep(${0.01 * (5 - writer)})`);
        await appendAudit(tx, { id: admin.id, email: admin.email }, [note(`writer-${writer}-a`, { writer }), note(`writer-${writer}-b`, { writer })]);
        await tx.execute(sql`select pg_sleep(0.02)`);
        await appendAudit(tx, { id: admin.id, email: admin.email }, note(`writer-${writer}-c`, { writer }));
      }),
    );
    const outsideTransactions = Array.from({ length: 5 }, (_, n) => appendAudit(db, { id: null, email: 'system' }, note(`plain-${n}`)));
    await Promise.all([...writers, ...outsideTransactions]);

    const entries = await allEntries();
    expect(entries).toHaveLength(before + 5 * 3 + 5);
    expect(await verifyAuditChain(db, { batchSize: 4 })).toMatchObject({ ok: true, checked: entries.length, head: { id: entries[entries.length - 1].id } });
    // Each transaction's entries are consecutive in the chain: the lock is held until commit.
    for (let writer = 0; writer < 5; writer += 1) {
      const positions = entries.flatMap((e, i) => (e.targetId.startsWith(`writer-${writer}-`) ? [i] : []));
      expect(positions).toEqual([positions[0], positions[0] + 1, positions[0] + 2]);
    }
  });

  it('reports an entry changed behind the app’s back as a hash mismatch at exactly that entry', async () => {
    const entries = await allEntries();
    const victim = entries[Math.floor(entries.length / 2)];
    await behindTheAppsBack(() => db.execute(sql`update audit_log set after = ${JSON.stringify({ role: 'cso' })}::jsonb where id = ${victim.id}`));
    expect(await verifyAuditChain(db)).toEqual({
      ok: false,
      checked: entries.findIndex((e) => e.id === victim.id) + 1,
      unhashed: 0,
      head: { id: entries[entries.findIndex((e) => e.id === victim.id) - 1].id, hash: victim.prevHash },
      firstBroken: { id: victim.id, reason: 'hash mismatch' },
    });
    expect(await verifyAuditChain(db, { batchSize: 2 })).toMatchObject({ ok: false, firstBroken: { id: victim.id, reason: 'hash mismatch' } });

    // Putting the original content back (in another key order) makes the chain whole again.
    const original = victim.after === null ? null : Object.fromEntries(Object.entries(victim.after).reverse());
    await behindTheAppsBack(() => db.execute(sql`update audit_log set after = ${original === null ? null : JSON.stringify(original)}::jsonb where id = ${victim.id}`));
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checked: entries.length });
  });

  it('reports a changed timestamp or actor at that entry', async () => {
    const entries = await allEntries();
    const victim = entries[1];
    await behindTheAppsBack(() => db.execute(sql`update audit_log set at = at + interval '1 millisecond' where id = ${victim.id}`));
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, firstBroken: { id: victim.id, reason: 'hash mismatch' } });
    await behindTheAppsBack(() => db.execute(sql`update audit_log set at = at - interval '1 millisecond', actor_email = 'someone@else.test' where id = ${victim.id}`));
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, firstBroken: { id: victim.id, reason: 'hash mismatch' } });
    await behindTheAppsBack(() => db.update(auditLog).set({ actorEmail: victim.actorEmail }).where(eq(auditLog.id, victim.id)));
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it('reports a removed entry, or one re-hashed after a change, at the entry after it', async () => {
    const entries = await allEntries();
    const removed = entries[2];
    await behindTheAppsBack(() => db.delete(auditLog).where(eq(auditLog.id, removed.id)));
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, checked: 3, firstBroken: { id: entries[3].id, reason: 'prev link mismatch' } });
    await db.insert(auditLog).values(removed);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checked: entries.length });

    // A forger who recomputes the changed entry's own hash still breaks the next link.
    const { entryHash } = await import('@/lib/audit/hash-chain');
    const forged = { ...entries[4], targetId: 'forged' };
    await behindTheAppsBack(() =>
      db.update(auditLog).set({ targetId: forged.targetId, hash: entryHash(forged.prevHash!, forged) }).where(eq(auditLog.id, forged.id)),
    );
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, firstBroken: { id: entries[5].id, reason: 'prev link mismatch' } });
    await behindTheAppsBack(() => db.update(auditLog).set({ targetId: entries[4].targetId, hash: entries[4].hash }).where(eq(auditLog.id, forged.id)));
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it('reports an entry inserted without a hash after the chain began, and appends resume on top of it', async () => {
    const entries = await allEntries();
    const [sneaked] = await db
      .insert(auditLog)
      .values({ actorEmail: 'intruder@example.org', action: 'user.created', targetType: 'user', targetId: 'intruder@example.org' })
      .returning();
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, checked: entries.length + 1, head: { id: entries[entries.length - 1].id }, firstBroken: { id: sneaked.id, reason: 'missing hash' } });
    // The break stays reported: the log is append-only, so it cannot be repaired, only seen.
    await appendAudit(db, { id: admin.id, email: admin.email }, note('after-intrusion'));
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, firstBroken: { id: sneaked.id, reason: 'missing hash' } });
  });
});
