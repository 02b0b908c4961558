// insertJsonRows (lib/db/json-insert.ts) and anyOf (lib/db/any-of.ts) on a real database:
// rows sent as one JSON document come back as the schema types, in order; columns equal in
// every row travel once; a single row (every column constant) still goes in; a lone
// surrogate is stored as U+FFFD, as through a bind parameter.
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anyOf } from '@/lib/db/any-of';
import type { Database } from '@/lib/db/client';
import { insertJsonRows } from '@/lib/db/json-insert';
import { auditLog, cases, interviewRounds, matchKeys, resumeSignatures, settings } from '@/lib/db/schema';
import { closeTestDb, createUser, openTestDb, postgresSkipped, type TestUser } from './test-db';

describe.skipIf(postgresSkipped)('insertJsonRows and anyOf', () => {
  let db: Database;
  let lead: TestUser;
  let serial = 0;

  beforeAll(async () => {
    db = await openTestDb();
    lead = await createUser(db, 'lead');
  });

  afterAll(async () => {
    await closeTestDb();
  });

  const newCase = (claimedName: string, createdAt = new Date('2026-03-01T10:00:00.123Z')) => {
    serial += 1;
    return {
      reference: `HW-2026-J${serial}`,
      claimedName,
      resumeName: claimedName,
      jobRole: 'Backend engineer',
      region: serial % 2 === 0 ? ('EU' as const) : ('NA' as const),
      source: 'ats_import' as const,
      submittedById: lead.id,
      createdAt,
      updatedAt: createdAt,
      statusChangedAt: createdAt,
    };
  };

  it('inserts many rows in one statement and returns the asked columns, typed and in order', async () => {
    const rows = [newCase('Ada Example'), newCase('Bo Example', new Date('2026-03-02T00:00:00Z')), newCase('Cy Example')];
    const created = await insertJsonRows(db, cases, rows, { returning: ['id', 'reference', 'createdAt', 'riskExplanation', 'status'] });
    expect(created.map((c) => c.reference)).toEqual(rows.map((r) => r.reference));
    expect(created[1].createdAt).toEqual(new Date('2026-03-02T00:00:00Z'));
    expect(created[0]).toMatchObject({ riskExplanation: [], status: 'open' });
    const stored = await db.select().from(cases).where(anyOf(cases.id, created.map((c) => c.id))).orderBy(asc(cases.reference));
    const byReference = new Map(stored.map((c) => [c.reference, c]));
    for (const row of rows) {
      const c = byReference.get(row.reference)!;
      expect([c.claimedName, c.region, c.createdAt.toISOString(), c.submittedById]).toEqual([row.claimedName, row.region, row.createdAt.toISOString(), lead.id]);
    }
  });

  it('takes a single row (every column then the same), arrays and JSON values', async () => {
    const [created] = await insertJsonRows(db, cases, [newCase('Solo Example')], { returning: ['id'] });
    await insertJsonRows(db, matchKeys, [{ caseId: created.id, kind: 'name', key: 'example|solo', shown: 'Solo Example' }]);
    expect(await db.select({ key: matchKeys.key }).from(matchKeys).where(eq(matchKeys.caseId, created.id))).toEqual([{ key: 'example|solo' }]);
    await insertJsonRows(db, resumeSignatures, [{ caseId: created.id, signature: [3, -1, 2147483647] }]);
    await insertJsonRows(db, interviewRounds, [
      { caseId: created.id, heldOn: '2026-03-03', kind: 'technical', interviewer: 'A. Lead', nameUsed: 'Solo', observations: ['voice_switching', 'camera_refusal'], notes: '', outcome: 'hold' },
      { caseId: created.id, heldOn: '2026-03-04', kind: 'recruiter_screen', interviewer: 'A. Lead', nameUsed: 'Solo', observations: [], notes: 'second', outcome: 'hold' },
    ]);
    expect(await db.select({ signature: resumeSignatures.signature }).from(resumeSignatures).where(eq(resumeSignatures.caseId, created.id))).toEqual([{ signature: [3, -1, 2147483647] }]);
    const rounds = await db.select().from(interviewRounds).where(eq(interviewRounds.caseId, created.id)).orderBy(asc(interviewRounds.heldOn));
    expect(rounds.map((r) => [r.heldOn, r.kind, r.observations, r.notes])).toEqual([
      ['2026-03-03', 'technical', ['voice_switching', 'camera_refusal'], ''],
      ['2026-03-04', 'recruiter_screen', [], 'second'],
    ]);
    const [entry] = await insertJsonRows(
      db,
      auditLog,
      [{ id: 9_000_001, actorEmail: 'x@example.test', action: 'case.imported', targetType: 'case', targetId: 'HW-1', after: { nested: { n: 1.5, list: ['a', null] } } }],
      { returning: ['id', 'after', 'before'] },
    );
    expect(entry).toEqual({ id: 9_000_001, after: { nested: { n: 1.5, list: ['a', null] } }, before: null });
  });

  it('stores a JSON string equal in every row as a JSON string, not parsed as JSON text', async () => {
    // settings.value is jsonb of any shape: the same string in both rows made it a constant.
    const stored = await insertJsonRows(db, settings, [{ key: 'json-insert.a', value: 'not json' }, { key: 'json-insert.b', value: 'not json' }], { returning: ['key', 'value'] });
    expect(stored).toEqual([
      { key: 'json-insert.a', value: 'not json' },
      { key: 'json-insert.b', value: 'not json' },
    ]);
  });

  it('stores a lone surrogate as U+FFFD, as a bind parameter would', async () => {
    const [created] = await insertJsonRows(db, cases, [newCase('Broken \ud800 name'), newCase('Fine name')], { returning: ['id', 'claimedName'] });
    expect(created.claimedName).toBe('Broken \ufffd name');
  });

  it('finds rows by a list of ids sent as one array, and by none', async () => {
    const created = await insertJsonRows(db, cases, [newCase('Any One'), newCase('Any Two')], { returning: ['id'] });
    const ids = created.map((c) => c.id);
    expect((await db.select({ id: cases.id }).from(cases).where(anyOf(cases.id, ids))).map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(await db.select({ id: cases.id }).from(cases).where(anyOf(cases.id, []))).toEqual([]);
    expect(await insertJsonRows(db, cases, [])).toEqual([]);
  });
});
