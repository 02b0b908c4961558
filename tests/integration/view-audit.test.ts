// Reads of personal data are audited: opening a case file and looking up clearance leave
// an entry naming who looked; a router prefetch (nobody looking) leaves none.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/lib/db/client';
import { auditLog } from '@/lib/db/schema';
import { closeTestDb, createUser, openTestDb, postgresSkipped, runStep, seedReference, type TestUser } from './test-db';

vi.mock('next/headers', () => ({ headers: async () => new Headers() }));

describe.skipIf(postgresSkipped)('read audit', () => {
  let db: Database;
  let recruiter: TestUser;
  let lead: TestUser;
  let caseRef: { id: string; reference: string };

  beforeAll(async () => {
    db = await openTestDb();
    await seedReference(db);
    recruiter = await createUser(db, 'recruiter');
    lead = await createUser(db, 'lead');
    const { submitCandidate } = await import('@/lib/cases/commands');
    const { submitCandidateSchema } = await import('@/lib/cases/validators');
    const input = submitCandidateSchema.parse({ claimedName: 'Read Audit', resumeName: 'Read Audit', jobRole: 'SRE', region: 'UK', source: 'direct', email: 'read.audit@example.org' });
    const created = await runStep(db, recruiter, submitCandidate, input);
    caseRef = { id: created.caseId, reference: created.reference };
  });

  afterAll(async () => {
    await closeTestDb();
  });

  const views = (action: 'case.viewed' | 'clearance.viewed', actorId: string) =>
    db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.actorId, actorId)));

  it('records who opened a case file, with IP and user agent, and not a prefetch', async () => {
    const { recordCaseView, getCaseFile } = await import('@/lib/cases/case-file');
    const viewer = { ...lead, name: 'Lead' };
    await recordCaseView(viewer, caseRef, { ip: '203.0.113.5', userAgent: 'test-browser', prefetch: false });
    await recordCaseView(viewer, caseRef, { ip: '203.0.113.5', userAgent: 'test-browser', prefetch: true });
    const rows = await views('case.viewed', lead.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ targetId: caseRef.reference, caseId: caseRef.id, ip: '203.0.113.5', userAgent: 'test-browser' });
    // Views stay out of the case's own timeline.
    const file = await getCaseFile(caseRef.reference, viewer);
    expect(file!.timeline.map((t) => t.action)).not.toContain('case.viewed');
  });

  it('records a clearance lookup, and not a prefetch', async () => {
    const { listClearance } = await import('@/lib/cases/clearance');
    const viewer = { ...recruiter, name: 'Recruiter' };
    const { rows } = await listClearance(viewer, 1, { ip: null, userAgent: null, prefetch: false });
    await listClearance(viewer, 1, { ip: null, userAgent: null, prefetch: true });
    expect(rows.map((r) => r.reference)).toEqual([caseRef.reference]);
    const entries = await views('clearance.viewed', recruiter.id);
    expect(entries).toHaveLength(1);
    expect(entries[0].after).toMatchObject({ references: [caseRef.reference] });
  });
});
