// Concurrent writes on cases linked by a shared identifier. PGlite runs one transaction at a
// time; on PostgreSQL (several app instances, a connection pool) these failed until case
// writes took the case-graph advisory lock (lib/cases/commands.ts lockCaseGraph): scores
// missed each other's identifiers, and opposite lock orders deadlocked.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addIdentifier, moveCase, submitCandidate } from '@/lib/cases/commands';
import { addIdentifierSchema, moveSchema, submitCandidateSchema } from '@/lib/cases/validators';
import type { Database } from '@/lib/db/client';
import { cases } from '@/lib/db/schema';
import { findSharedIdentifiers } from '@/lib/intel/matching';
import { closeTestDb, createUser, errorChainText, openTestDb, postgresSkipped, runStep, testDbKind, type TestUser } from './test-db';


describe.skipIf(postgresSkipped)('concurrent writes on linked cases', () => {
  let db: Database;
  let recruiter: TestUser;
  let lead: TestUser;
  let serial = 0;

  beforeAll(async () => {
    db = await openTestDb();
    recruiter = await createUser(db, 'recruiter');
    lead = await createUser(db, 'lead');
  });

  afterAll(async () => {
    await closeTestDb();
  });

  function submit(email: string) {
    serial += 1;
    const name = `Concurrent Applicant ${serial}`;
    const input = submitCandidateSchema.parse({ claimedName: name, resumeName: name, jobRole: 'SRE', region: 'UK', source: 'direct', email });
    return runStep(db, recruiter, submitCandidate, input);
  }

  async function caseById(id: string) {
    const [row] = await db.select().from(cases).where(eq(cases.id, id));
    return row;
  }

  // Each transaction links against what is committed when it looks: two applicants sharing an
  // email submitted at the same moment each see no other case, so after both commit they are
  // linked (findSharedIdentifiers) but both stored risk scores still say 0.
  it('stores the link in both scores when two linked applicants are submitted at once', async () => {
    for (let i = 0; i < 3; i++) {
      const [a, b] = await Promise.all([submit(`same.inbox.${i}@example.org`), submit(`same.inbox.${i}@example.org`)]);
      expect(await findSharedIdentifiers(db, a.caseId)).toHaveLength(1);
      expect((await caseById(a.caseId)).riskScore).toBeGreaterThan(0);
      expect((await caseById(b.caseId)).riskScore).toBeGreaterThan(0);
    }
  });

  // moveCase(A) locks A, then refreshRiskAround(A) updates B; addIdentifier(B) locks B, then
  // refreshRiskAround(B) updates A: the lock order is reversed and PostgreSQL aborts one of
  // them with "deadlock detected" (40P01) after deadlock_timeout.
  it('lets a move on one case and new intel on a linked case both succeed', async () => {
    for (let i = 0; i < 3; i++) {
      const a = await submit(`linked.pair.${i}@example.org`);
      const b = await submit(`linked.pair.${i}@example.org`);
      const { version } = await caseById(a.caseId);
      const results = await Promise.allSettled([
        runStep(db, lead, moveCase, moveSchema.parse({ reference: a.reference, move: 'start_investigating', version, rationale: '' })),
        runStep(db, lead, addIdentifier, addIdentifierSchema.parse({ reference: b.reference, kind: 'ip', value: `203.0.113.${60 + i}`, source: 'Interview logs' })),
      ]);
      const failures = results.flatMap((r) => (r.status === 'rejected' ? [errorChainText(r.reason)] : []));
      expect(failures).toEqual([]);
    }
  });
});
