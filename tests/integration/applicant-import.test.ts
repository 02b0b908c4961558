// The applicant record imported into a real database (lib/applicants): one record through
// the caller's transaction, and JSON Lines in chunks, with idempotence on externalId, refusals
// that name the field and the line, linking across formats, and all-or-nothing records.
import { count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importApplicant, importLines, IMPORT_SOURCE, validateLine } from '@/lib/applicants/import';
import { parseJsonLines } from '@/lib/applicants/json-lines';
import { applicantRecordSchema, type ApplicantRecordInput } from '@/lib/applicants/record';
import type { Database } from '@/lib/db/client';
import { auditLog, caseIndicators, caseResumes, cases, identifiers, interviewRounds } from '@/lib/db/schema';
import { seedReferenceData } from '@/lib/db/seed/reference-data';
import { closeTestDb, createUser, openTestDb, postgresSkipped, type TestUser } from './test-db';

let serial = 0;
function record(overrides: Partial<ApplicantRecordInput> = {}): ApplicantRecordInput {
  serial += 1;
  return {
    externalId: `gh-${serial}-${Date.now()}`,
    claimedName: `Applicant ${serial}`,
    resumeName: `Applicant ${serial}`,
    role: 'Senior Backend Engineer',
    region: 'NA',
    source: 'ats_import',
    identifiers: [{ kind: 'email', value: `applicant.${serial}.${Date.now()}@example.com` }],
    ...overrides,
  };
}

describe.skipIf(postgresSkipped)('applicant record import', () => {
  let db: Database;
  let lead: TestUser;

  beforeAll(async () => {
    db = await openTestDb();
    await seedReferenceData(db);
    lead = await createUser(db, 'lead');
  });

  afterAll(async () => {
    await closeTestDb();
  });

  it('imports one record with its identifiers, interviews, indicators and résumé, and audits it', async () => {
    const input = record({
      claimedName: 'Kevin Park',
      resumeName: 'Park Min-jun',
      submittedAt: '2026-02-03T10:00:00Z',
      identifiers: [
        { kind: 'email', value: 'Kevin.Park.Dev+ats@Gmail.com' },
        { kind: 'phone', value: '(415) 555-0199' },
      ],
      interviews: [{ date: '2026-02-10', kind: 'technical', interviewer: 'A. Lead', nameUsed: 'Kevin Park', observations: ['voice_switching'] }],
      indicators: [{ code: 'vpn_or_proxy', evidence: 'Every call came from a commercial VPN exit.' }],
      resumeText: 'Ten years of distributed systems at scale.',
    });
    const parsed = applicantRecordSchema.parse(input);
    const { applicant, audit } = await db.transaction(async (tx) => {
      const result = await importApplicant(tx, lead, parsed);
      return result;
    });
    expect(applicant).toMatchObject({ externalId: input.externalId, clearance: 'under_review', created: true });
    expect(applicant.reference).toMatch(/^HW-2026-\d{4,}$/);
    expect(audit).toEqual([expect.objectContaining({ action: 'case.imported', targetId: applicant.reference })]);

    const [stored] = await db.select().from(cases).where(eq(cases.id, applicant.caseId));
    expect(stored).toMatchObject({ claimedName: 'Kevin Park', resumeName: 'Park Min-jun', source: 'ats_import', submittedById: lead.id });
    expect(stored.createdAt.toISOString()).toBe('2026-02-03T10:00:00.000Z');
    const ids = await db.select().from(identifiers).where(eq(identifiers.caseId, applicant.caseId));
    expect(ids.map((i) => [i.kind, i.normalized, i.source]).sort()).toEqual([
      ['email', 'kevinparkdev@gmail.com', IMPORT_SOURCE],
      ['phone', '+14155550199', IMPORT_SOURCE],
    ]);
    expect(await db.select().from(interviewRounds).where(eq(interviewRounds.caseId, applicant.caseId))).toEqual([
      expect.objectContaining({ heldOn: '2026-02-10', kind: 'technical', nameUsed: 'Kevin Park', observations: ['voice_switching'], outcome: 'hold' }),
    ]);
    expect(await db.select({ code: caseIndicators.code }).from(caseIndicators).where(eq(caseIndicators.caseId, applicant.caseId))).toEqual([{ code: 'vpn_or_proxy' }]);
    expect(await db.select({ body: caseResumes.body }).from(caseResumes).where(eq(caseResumes.caseId, applicant.caseId))).toEqual([{ body: 'Ten years of distributed systems at scale.' }]);
    // Scored like a submission: the ticked indicator and the résumé/interview name mismatch.
    expect(stored.riskExplanation.map((c) => c.code).sort()).toEqual(['name_mismatch', 'vpn_or_proxy']);
  });

  it('answers the same externalId with the existing case and writes nothing', async () => {
    const parsed = applicantRecordSchema.parse(record());
    const first = await db.transaction((tx) => importApplicant(tx, lead, parsed));
    const again = await db.transaction((tx) => importApplicant(tx, lead, { ...parsed, claimedName: 'Someone Else' }));
    expect(again.applicant).toEqual({ ...first.applicant, created: false });
    expect(again.audit).toEqual([]);
    const [{ n }] = await db.select({ n: count() }).from(cases).where(eq(cases.externalId, parsed.externalId));
    expect(n).toBe(1);
  });

  it('names the refused field for an unknown kind, region, observation or indicator code', async () => {
    const bad = validateLine({ line: 7, value: record({ region: 'MARS' as never, identifiers: [{ kind: 'fax' as never, value: '123' }] }) });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(Object.keys(bad.fields).sort()).toEqual(['identifiers.0.kind', 'region']);
      expect(bad.fields.region[0]).toMatch(/Unknown region/);
    }
    const badEmail = validateLine({ line: 8, value: record({ identifiers: [{ kind: 'email', value: 'not-an-email' }] }) });
    expect(badEmail.ok === false && Object.keys(badEmail.fields)).toEqual(['identifiers.0.value']);
    const extra = validateLine({ line: 9, value: { ...record(), salary: 1 } });
    expect(extra.ok === false && extra.fields.record[0]).toMatch(/Unknown field: salary/);

    const unknownCode = record({ indicators: [{ code: 'no_such_code', evidence: 'Evidence long enough to pass.' }] });
    const [result] = await importLines(db, lead, [{ line: 3, value: unknownCode }]);
    expect(result).toMatchObject({ line: 3, ok: false, fields: { 'indicators.0.code': [expect.stringMatching(/no_such_code/)] } });
    const [{ n }] = await db.select({ n: count() }).from(cases).where(eq(cases.externalId, unknownCode.externalId));
    expect(n).toBe(0);
  });

  it('links records that share an identifier written differently, and gives them one network', async () => {
    const a = record({ identifiers: [{ kind: 'phone', value: '+1 (212) 555-0142' }, { kind: 'email', value: `ring.a.${serial}@proton.me` }] });
    const b = record({ identifiers: [{ kind: 'phone', value: '212.555.0142' }, { kind: 'email', value: `ring.b.${serial}@proton.me` }] });
    const results = await importLines(db, lead, [
      { line: 1, value: a },
      { line: 2, value: b },
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    const stored = await db
      .select({ externalId: cases.externalId, networkId: cases.networkId, explanation: cases.riskExplanation })
      .from(cases)
      .where(inArray(cases.externalId, [a.externalId, b.externalId]));
    expect(stored).toHaveLength(2);
    expect(stored[0].networkId).not.toBeNull();
    expect(stored[0].networkId).toBe(stored[1].networkId);
    for (const row of stored) expect(row.explanation.map((c) => c.code)).toContain('shared_identifier');
  });

  it('reports a repeated externalId inside one file as the same case', async () => {
    const one = record();
    const results = await importLines(db, lead, [
      { line: 1, value: one },
      { line: 2, value: one },
    ]);
    expect(results[0].ok && results[1].ok).toBe(true);
    if (results[0].ok && results[1].ok) {
      expect(results[1].applicant.reference).toBe(results[0].applicant.reference);
      expect(results[1].applicant.created).toBe(false);
    }
  });

  it('isolates a record the database refuses, and keeps its chunk neighbours', async () => {
    // PostgreSQL text cannot hold a NUL character: valid to the schema, refused by the database.
    const poisoned = record({ resumeText: 'before\u0000after' });
    const fine = [record(), record()];
    const results = await importLines(db, lead, [
      { line: 1, value: fine[0] },
      { line: 2, value: poisoned },
      { line: 3, value: fine[1] },
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(results[1]).toMatchObject({ line: 2, ok: false });
    const [{ n }] = await db.select({ n: count() }).from(cases).where(eq(cases.externalId, poisoned.externalId));
    expect(n).toBe(0);
  });

  it('imports 10,000 lines with 3 broken ones: 9,997 in, the 3 reported by line, nothing partial', async () => {
    const lines: string[] = [];
    const broken = new Map([
      [1234, '{"externalId": "broken-json", '],
      [5000, JSON.stringify(record({ externalId: 'bad-region-5000', region: 'ATLANTIS' as never }))],
      [9876, JSON.stringify(record({ externalId: 'bad-code-9876', indicators: [{ code: 'made_up', evidence: 'Evidence long enough to pass.' }] }))],
    ]);
    for (let line = 1; line <= 10_000; line++) {
      lines.push(
        broken.get(line) ??
          JSON.stringify(
            record({
              externalId: `bulk-${line}`,
              identifiers: [
                { kind: 'email', value: `bulk.${line}@example.org` },
                { kind: 'phone', value: `+1 646 555 ${String(line % 10_000).padStart(4, '0')}` },
              ],
            }),
          ),
      );
    }
    const before = (await db.select({ n: count() }).from(cases))[0].n;
    const auditBefore = (await db.select({ n: count() }).from(auditLog))[0].n;
    const results = await importLines(db, lead, parseJsonLines(lines.join('\n')));
    const failed = results.filter((r) => !r.ok);
    expect(results.filter((r) => r.ok)).toHaveLength(9_997);
    expect(failed.map((r) => r.line)).toEqual([1234, 5000, 9876]);
    expect(failed.map((r) => !r.ok && r.message)).toEqual([
      expect.stringMatching(/Not valid JSON/),
      expect.stringMatching(/^region: Unknown region/),
      expect.stringMatching(/^indicators\.0\.code: Unknown indicator code "made_up"/),
    ]);
    expect((await db.select({ n: count() }).from(cases))[0].n - before).toBe(9_997);
    expect((await db.select({ n: count() }).from(auditLog))[0].n - auditBefore).toBe(9_997);
    const [{ n: orphans }] = await db.select({ n: count() }).from(cases).where(inArray(cases.externalId, ['bad-region-5000', 'bad-code-9876']));
    expect(orphans).toBe(0);
  }, 600_000);
});
