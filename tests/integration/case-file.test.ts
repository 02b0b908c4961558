// The case file reads a case and its short lists in one statement (JSON arrays decoded back
// to rows, lib/db/json-list.ts). Every list must come back exactly as a plain select of the
// same fields gives it: same keys, Dates as Dates, nulls where a left join found nobody, and
// in the same order, for every case of the demo organization (interviews, indicators,
// proofing, notes, decisions, timelines) and for a case with evidence attached.
import { and, asc, desc, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import { getCaseFile, listIndicatorCatalog } from '@/lib/cases/case-file';
import type { Database } from '@/lib/db/client';
import { attachments, auditLog, caseIndicators, cases, decisions, identifiers, indicatorCatalog, interviewRounds, notes, proofingChecks, users } from '@/lib/db/schema';
import { seedDemo } from '@/lib/db/seed/seed';
import { closeTestDb, createUser, openTestDb, postgresSkipped } from './test-db';

describe.skipIf(postgresSkipped)('case file in one statement', () => {
  let db: Database;
  let viewer: SessionUser;

  beforeAll(async () => {
    db = await openTestDb();
    expect(await seedDemo(db)).toBe(true);
    viewer = { ...(await createUser(db, 'lead')), name: 'Lead' };
    // Two files on the first case: one uploaded by a user, one whose uploader is unknown.
    const [first] = await db.select({ id: cases.id }).from(cases).orderBy(asc(cases.reference)).limit(1);
    await db.insert(attachments).values([
      { caseId: first.id, fileName: 'resume.pdf', mediaType: 'application/pdf', sizeBytes: 48_213, sha256: 'a'.repeat(64), uploadedById: viewer.id, uploadedAt: new Date('2026-03-02T10:11:12.345Z') },
      { caseId: first.id, fileName: 'call.png', mediaType: 'image/png', sizeBytes: 1_024, sha256: 'b'.repeat(64), uploadedById: null },
    ]);
  });

  afterAll(closeTestDb);

  /** Each list as its own plain select, the way the case file read them before. */
  async function plainLists(caseId: string) {
    return {
      identifiers: await db.select().from(identifiers).where(eq(identifiers.caseId, caseId)).orderBy(asc(identifiers.kind), asc(identifiers.firstSeenAt), asc(identifiers.id)),
      indicators: await db
        .select({ id: caseIndicators.id, code: caseIndicators.code, evidence: caseIndicators.evidence, observedAt: caseIndicators.observedAt, title: indicatorCatalog.title, severity: indicatorCatalog.severity, category: indicatorCatalog.category, sources: indicatorCatalog.sources, observer: users.name })
        .from(caseIndicators)
        .innerJoin(indicatorCatalog, eq(indicatorCatalog.code, caseIndicators.code))
        .leftJoin(users, eq(users.id, caseIndicators.observedById))
        .where(eq(caseIndicators.caseId, caseId))
        .orderBy(asc(caseIndicators.observedAt), asc(caseIndicators.id)),
      interviews: await db.select().from(interviewRounds).where(eq(interviewRounds.caseId, caseId)).orderBy(asc(interviewRounds.heldOn), asc(interviewRounds.createdAt), asc(interviewRounds.id)),
      proofing: await db
        .select({ check: proofingChecks.check, result: proofingChecks.result, note: proofingChecks.note, checkedAt: proofingChecks.checkedAt, checker: users.name })
        .from(proofingChecks)
        .leftJoin(users, eq(users.id, proofingChecks.checkedById))
        .where(eq(proofingChecks.caseId, caseId)),
      notes: await db
        .select({ id: notes.id, body: notes.body, createdAt: notes.createdAt, author: users.name })
        .from(notes)
        .leftJoin(users, eq(users.id, notes.authorId))
        .where(eq(notes.caseId, caseId))
        .orderBy(desc(notes.createdAt), desc(notes.id)),
      decisions: await db
        .select({ id: decisions.id, outcome: decisions.outcome, rationale: decisions.rationale, riskScore: decisions.riskScore, decidedAt: decisions.decidedAt, waived: decisions.twoPersonRuleWaived, decider: users.name })
        .from(decisions)
        .leftJoin(users, eq(users.id, decisions.decidedById))
        .where(eq(decisions.caseId, caseId))
        .orderBy(desc(decisions.decidedAt), desc(decisions.id)),
      timeline: await db
        .select({ id: auditLog.id, at: auditLog.at, action: auditLog.action, actorEmail: auditLog.actorEmail, before: auditLog.before, after: auditLog.after })
        .from(auditLog)
        .where(and(eq(auditLog.caseId, caseId), ne(auditLog.action, 'case.viewed')))
        .orderBy(desc(auditLog.at), desc(auditLog.id))
        .limit(200),
      attachments: await db
        .select({ id: attachments.id, fileName: attachments.fileName, mediaType: attachments.mediaType, sizeBytes: attachments.sizeBytes, sha256: attachments.sha256, uploadedAt: attachments.uploadedAt, uploader: users.name, uploaderEmail: users.email })
        .from(attachments)
        .leftJoin(users, eq(users.id, attachments.uploadedById))
        .where(eq(attachments.caseId, caseId))
        .orderBy(asc(attachments.uploadedAt), asc(attachments.id)),
    };
  }

  it('reads every list of every demo case as the plain selects do', async () => {
    const all = await db.select({ id: cases.id, reference: cases.reference }).from(cases).orderBy(asc(cases.reference));
    expect(all.length).toBeGreaterThan(40);
    const seen = { interviews: 0, indicators: 0, proofing: 0, notes: 0, decisions: 0, attachments: 0 };
    for (const { id, reference } of all) {
      const file = await getCaseFile(reference, viewer);
      const want = await plainLists(id);
      expect(file!.identifiers, reference).toEqual(want.identifiers);
      expect(file!.indicators, reference).toEqual(want.indicators);
      expect(file!.interviews, reference).toEqual(want.interviews);
      expect(file!.proofing.filter((p) => p.checkedAt !== null), reference).toEqual(expect.arrayContaining(want.proofing));
      expect(file!.proofing.filter((p) => p.checkedAt !== null)).toHaveLength(want.proofing.length);
      expect(file!.notes, reference).toEqual(want.notes);
      expect(file!.decisions, reference).toEqual(want.decisions);
      expect(file!.timeline, reference).toEqual(want.timeline);
      expect(file!.attachments, reference).toEqual(want.attachments);
      for (const key of Object.keys(seen) as (keyof typeof seen)[]) if (want[key].length > 0) seen[key] += 1;
    }
    // The demo organization exercised every list (the comparisons above were not all of empty lists).
    for (const [list, count] of Object.entries(seen)) expect(count, list).toBeGreaterThan(0);
  });

  it('gives Dates, not strings, and null for an uploader nobody knows', async () => {
    const [first] = await db.select({ reference: cases.reference }).from(cases).orderBy(asc(cases.reference)).limit(1);
    const file = await getCaseFile(first.reference, viewer);
    const [uploader] = await db.select({ name: users.name }).from(users).where(eq(users.id, viewer.id));
    const pdf = file!.attachments.find((a) => a.fileName === 'resume.pdf')!;
    const png = file!.attachments.find((a) => a.fileName === 'call.png')!;
    expect(pdf).toMatchObject({ sizeBytes: 48_213, uploader: uploader.name, uploaderEmail: viewer.email });
    expect(pdf.uploadedAt).toEqual(new Date('2026-03-02T10:11:12.345Z'));
    expect(png.uploader).toBeNull();
    expect(file!.timeline.length).toBeGreaterThan(0);
    for (const entry of file!.timeline) expect(entry.at).toBeInstanceOf(Date);
    for (const identifier of file!.identifiers) expect(identifier.firstSeenAt).toBeInstanceOf(Date);
  });

  it('answers null for a reference no case has', async () => {
    expect(await getCaseFile('HW-1999-0001', viewer)).toBeNull();
  });

  it('offers the indicator catalog by category and title, read once per open database', async () => {
    const catalog = await listIndicatorCatalog();
    const plain = await db
      .select({ code: indicatorCatalog.code, title: indicatorCatalog.title, category: indicatorCatalog.category, severity: indicatorCatalog.severity })
      .from(indicatorCatalog)
      .orderBy(asc(indicatorCatalog.category), asc(indicatorCatalog.title));
    expect(plain.length).toBeGreaterThan(10);
    expect(catalog).toEqual(plain);
    // Kept: nothing changes the catalog at run time, so a second case file does not read it again.
    expect(await listIndicatorCatalog()).toBe(catalog);
  });
});
