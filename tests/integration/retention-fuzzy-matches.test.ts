// Erasure and fuzzy matches: a case that matched the erased applicant by name quoted that
// name and reference in its risk explanation. Erasure re-scores such cases too, so nothing
// of the erased applicant is left in another case's evidence, and the match no longer counts.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moveCase, submitCandidate } from '@/lib/cases/commands';
import { moveSchema, submitCandidateSchema } from '@/lib/cases/validators';
import type { Database } from '@/lib/db/client';
import { cases, decisions } from '@/lib/db/schema';
import { runRetention } from '@/lib/retention/commands';
import { closeTestDb, createUser, openTestDb, postgresSkipped, runStep, seedReference, type TestUser } from './test-db';

describe.skipIf(postgresSkipped)('erasure re-scores the cases that matched the erased applicant fuzzily', () => {
  let db: Database;
  let recruiter: TestUser;
  let lead: TestUser;
  let cso: TestUser;
  let admin: TestUser;

  const caseOf = async (reference: string) => (await db.select().from(cases).where(eq(cases.reference, reference)))[0];
  const labels = async (reference: string) => (await caseOf(reference)).riskExplanation.map((c) => c.label).join('\n');

  async function submit(name: string, email: string): Promise<string> {
    const input = submitCandidateSchema.parse({ claimedName: name, resumeName: name, jobRole: 'Backend Engineer', region: 'APAC', source: 'agency', email });
    return (await runStep(db, recruiter, submitCandidate, input)).reference;
  }

  /** Cleared more than ten years ago, so that the retention run erases it; returns what it erased. */
  async function clearLongAgoAndErase(reference: string): Promise<string[]> {
    const version = async () => (await caseOf(reference)).version;
    await runStep(db, lead, moveCase, moveSchema.parse({ reference, move: 'start_investigating', version: await version(), rationale: '' }));
    await runStep(db, cso, moveCase, moveSchema.parse({ reference, move: 'clear', version: await version(), rationale: `Decision on ${reference}: identity checks considered in full.` }));
    const longAgo = sql`now() - make_interval(days => 4000)`;
    await db.update(cases).set({ decidedAt: longAgo }).where(eq(cases.reference, reference));
    await db.update(decisions).set({ decidedAt: longAgo }).where(eq(decisions.caseId, (await caseOf(reference)).id));
    return (await runStep(db, admin, (tx) => runRetention(tx), undefined)).erased;
  }

  beforeAll(async () => {
    db = await openTestDb();
    await seedReference(db);
    recruiter = await createUser(db, 'recruiter', 'fuzzy-erasure-recruiter');
    lead = await createUser(db, 'lead', 'fuzzy-erasure-lead');
    cso = await createUser(db, 'cso', 'fuzzy-erasure-cso');
    admin = await createUser(db, 'admin', 'fuzzy-erasure-admin');
  });

  afterAll(async () => {
    await closeTestDb();
  });

  it('the other case loses the signal and every trace of the erased name and reference', async () => {
    const erased = await submit('Park Ji-hoon', 'park.jihoon.fz@example.org');
    const other = await submit('Pak Jihoon', 'ji.pak.fz@example.net');
    // Two romanizations of one name: a similar-name signal that quotes the other case.
    expect(await labels(other)).toContain(erased);
    expect(await labels(other)).toContain('Park Ji-hoon');

    expect(await clearLongAgoAndErase(erased)).toEqual([erased]);
    const after = await labels(other);
    expect(after).not.toContain(erased);
    expect(after).not.toContain('Park Ji-hoon');
    expect((await caseOf(other)).riskExplanation.some((c) => c.code === 'similar_name')).toBe(false);
  });

  it('a handle that only the erased case made too common matches again: its other holders are linked and re-scored', async () => {
    const words = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot', 'Golf', 'Hotel', 'India', 'Juliett', 'Kilo', 'Lima', 'Mike', 'November', 'Oscar', 'Papa', 'Quebec', 'Romeo', 'Sierra', 'Tango', 'Uniform', 'Victor', 'Whiskey', 'Xray', 'Yankee', 'Zulu'];
    // 26 holders of one handle at 26 providers: one more than a handle may have and count.
    const holders: string[] = [];
    for (const [i, word] of words.entries()) holders.push(await submit(`${word} Fernsby`, `shared.handle.fz@provider${i}.example`));
    const [erased, ...others] = holders;
    for (const reference of others) expect(await labels(reference)).not.toContain('Same email handle');

    expect(await clearLongAgoAndErase(erased)).toEqual([erased]);
    // 25 holders now: the handle counts again, and links them into one network.
    for (const reference of others) expect(await labels(reference)).toContain('Same email handle at another provider');
    const networks = new Set(await Promise.all(others.map(async (reference) => (await caseOf(reference)).networkId)));
    expect(networks.size).toBe(1);
    expect([...networks][0]).not.toBeNull();
  });
});
