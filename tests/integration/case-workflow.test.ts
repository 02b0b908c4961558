// A case from submission to decision, through the business steps the server actions run
// (lib/cases/commands.ts), each in its own transaction with its audit entries, on a real
// database: normalization and linking, the benign list, the lifecycle with its two-person
// rule and optimistic concurrency, escalation feeding the watchlist, and reopening.
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionRefused, StaleCaseError } from '@/lib/actions/errors';
import { addIdentifier, addIndicator, assignCase, moveCase, submitCandidate } from '@/lib/cases/commands';
import type { CaseMove } from '@/lib/cases/lifecycle';
import { addIdentifierSchema, addIndicatorSchema, moveSchema, submitCandidateSchema } from '@/lib/cases/validators';
import type { Database } from '@/lib/db/client';
import { auditLog, cases, decisions, identifiers, watchlist } from '@/lib/db/schema';
import type { IdentifierKind } from '@/lib/domain';
import { findSharedIdentifiers } from '@/lib/intel/matching';
import { normalizeIdentifier } from '@/lib/intel/normalize';
import { addToWatchlist } from '@/lib/intel/watchlist';
import { setTwoPersonRule } from '@/lib/settings';
import { closeTestDb, createUser, openTestDb, postgresSkipped, runStep, seedReference, type TestUser } from './test-db';

const BENIGN_IP = '198.51.100.77';
const RATIONALE = 'Failed live ID check, flagged shared identifiers and a voice switch mid-interview: do not hire.';

describe.skipIf(postgresSkipped)('case workflow', () => {
  let db: Database;
  let recruiter: TestUser;
  let lead: TestUser;
  let cso1: TestUser;
  let cso2: TestUser;
  let cso3: TestUser;
  let serial = 0;

  beforeAll(async () => {
    db = await openTestDb();
    await seedReference(db);
    recruiter = await createUser(db, 'recruiter');
    lead = await createUser(db, 'lead');
    cso1 = await createUser(db, 'cso', 'cso1');
    cso2 = await createUser(db, 'cso', 'cso2');
    cso3 = await createUser(db, 'cso', 'cso3');
    const normalized = normalizeIdentifier('ip', BENIGN_IP);
    if (!normalized.ok) throw new Error(normalized.error);
    await addToWatchlist(db, [
      { kind: 'ip', value: BENIGN_IP, normalized: normalized.value, list: 'benign', source: 'Company VPN exit', confidence: 'high' },
    ]);
  });

  afterAll(async () => {
    await closeTestDb();
  });

  // --- steps, through the same zod schemas the forms use --------------------------------

  async function submit(fields: { email: string; phone?: string; name?: string }) {
    serial += 1;
    const name = fields.name ?? `Applicant ${serial}`;
    const input = submitCandidateSchema.parse({
      claimedName: name,
      resumeName: name,
      jobRole: 'Senior Backend Engineer (Go)',
      region: 'EU',
      source: 'job_board',
      email: fields.email,
      phone: fields.phone ?? '',
    });
    return runStep(db, recruiter, submitCandidate, input);
  }

  function identify(actor: TestUser, reference: string, kind: IdentifierKind, value: string) {
    return runStep(db, actor, addIdentifier, addIdentifierSchema.parse({ reference, kind, value, source: 'Interview platform logs' }));
  }

  function indicate(reference: string, code: string) {
    return runStep(db, lead, addIndicator, addIndicatorSchema.parse({ reference, code, evidence: 'Observed during the technical round.' }));
  }

  async function move(actor: TestUser, reference: string, step: CaseMove, rationale = '', version?: number) {
    const current = version ?? (await caseRow(reference)).version;
    return runStep(db, actor, moveCase, moveSchema.parse({ reference, move: step, version: current, rationale }));
  }

  async function caseRow(reference: string) {
    const [row] = await db.select().from(cases).where(eq(cases.reference, reference));
    if (!row) throw new Error(`no case ${reference}`);
    return row;
  }

  /** Everything a refused step must leave untouched. */
  async function snapshot(reference: string) {
    const row = await caseRow(reference);
    return {
      case: row,
      decisions: await db.select().from(decisions).where(eq(decisions.caseId, row.id)),
      watchlist: await db.$count(watchlist),
      audit: await db.$count(auditLog, eq(auditLog.caseId, row.id)),
    };
  }

  /** A case that went open → investigating (lead) → pending decision (lead). */
  async function pendingCase(email: string) {
    const { reference } = await submit({ email });
    await move(lead, reference, 'start_investigating');
    await move(lead, reference, 'submit_for_decision');
    return reference;
  }

  // --- submission and linking -------------------------------------------------------------

  it('normalizes and stores the email (and phone) of a new submission', async () => {
    const submitted = await submit({ email: '  Maria.Lopez.Dev+jobs@GMail.com ', phone: '+44 20 7946 0123' });
    expect(submitted.reference).toMatch(/^HW-\d{4}-\d{4,}$/);
    const row = await caseRow(submitted.reference);
    expect(row.status).toBe('open');
    expect(row.submittedById).toBe(recruiter.id);

    const stored = await db
      .select({ kind: identifiers.kind, value: identifiers.value, normalized: identifiers.normalized, addedById: identifiers.addedById })
      .from(identifiers)
      .where(eq(identifiers.caseId, submitted.caseId))
      .orderBy(asc(identifiers.kind));
    expect(stored).toEqual([
      { kind: 'email', value: 'Maria.Lopez.Dev+jobs@GMail.com', normalized: 'marialopezdev@gmail.com', addedById: recruiter.id },
      { kind: 'phone', value: '+44 20 7946 0123', normalized: '+442079460123', addedById: recruiter.id },
    ]);
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.caseId, submitted.caseId));
    expect(audit).toMatchObject({ action: 'case.submitted', actorId: recruiter.id, targetId: submitted.reference });
  });

  it('links a second case using a gmail dot / +tag variant of the same email, and both scores rise', async () => {
    const first = await submit({ email: 'jane.doe.ring@gmail.com' });
    const firstBefore = await caseRow(first.reference);
    expect(firstBefore.riskScore).toBe(0);

    const second = await submit({ email: 'JaneDoeRing+apply@googlemail.com' });
    const shared = await findSharedIdentifiers(db, second.caseId);
    expect(shared).toEqual([expect.objectContaining({ caseId: first.caseId, kind: 'email', reference: first.reference })]);
    expect((await findSharedIdentifiers(db, first.caseId)).map((s) => s.caseId)).toEqual([second.caseId]);

    const firstAfter = await caseRow(first.reference);
    const secondAfter = await caseRow(second.reference);
    expect(firstAfter.riskScore).toBeGreaterThan(firstBefore.riskScore);
    expect(secondAfter.riskScore).toBeGreaterThan(0);
    expect(firstAfter.riskExplanation.map((c) => c.code)).toContain('shared_identifier');
    expect(secondAfter.riskExplanation.map((c) => c.code)).toContain('shared_identifier');
    // A linked case whose score moved is a newer version: a decision prepared on it is stale.
    expect(firstAfter.version).toBeGreaterThan(firstBefore.version);
  });

  it('does not link cases through a value on the benign list, but does through an unlisted one', async () => {
    const a = await submit({ email: 'benign.a@example.org' });
    const b = await submit({ email: 'benign.b@example.org' });
    await identify(lead, a.reference, 'ip', BENIGN_IP);
    await identify(lead, b.reference, 'ip', ` ${BENIGN_IP} `);
    expect(await findSharedIdentifiers(db, a.caseId)).toEqual([]);
    expect(await findSharedIdentifiers(db, b.caseId)).toEqual([]);
    expect((await caseRow(a.reference)).riskScore).toBe(0);
    expect((await caseRow(b.reference)).riskScore).toBe(0);

    // Control: the same pair sharing a non-benign address does link.
    await identify(lead, a.reference, 'ip', '203.0.113.150');
    await identify(lead, b.reference, 'ip', '203.0.113.150');
    const shared = await findSharedIdentifiers(db, a.caseId);
    expect(shared.map((s) => [s.caseId, s.value])).toEqual([[b.caseId, '203.0.113.150']]);
    expect((await caseRow(a.reference)).riskScore).toBeGreaterThan(0);
  });

  it('does not link cases through a shared name: a name is evidence, not a link', async () => {
    const a = await submit({ email: 'same.name.a@example.org' });
    const b = await submit({ email: 'same.name.b@example.org' });
    await identify(lead, a.reference, 'name', 'Kim Min-jun');
    await identify(lead, b.reference, 'name', 'Kim Min-jun');
    expect(await findSharedIdentifiers(db, a.caseId)).toEqual([]);
    expect(await findSharedIdentifiers(db, b.caseId)).toEqual([]);
  });

  // --- the lifecycle of one case -----------------------------------------------------------

  describe('from submission to escalation', () => {
    let reference: string;
    let caseId: string;

    it('moves open → investigating → pending decision, keeping the assignee', async () => {
      const submitted = await submit({ email: 'ring.operator.x@proton.me', phone: '+44 20 7946 0958', name: 'Victor Hale' });
      ({ reference, caseId } = submitted);
      await identify(lead, reference, 'ip', '203.0.113.201');
      await identify(lead, reference, 'wallet', '0x52908400098527886E0F7030069857D2E4169EE8');
      await identify(lead, reference, 'address', '88 Harbor Street, Apt 4, Newark, NJ 07105');
      await identify(lead, reference, 'github', 'https://github.com/victor-hale-dev');
      await identify(lead, reference, 'device', 'fp-aa11bb22cc');
      await identify(lead, reference, 'name', 'Viktor Halev');
      await identify(lead, reference, 'ip', BENIGN_IP);
      await indicate(reference, 'voice_switching');
      await runStep(db, lead, assignCase, { reference, assigneeId: cso1.id });

      await move(lead, reference, 'start_investigating');
      expect(await caseRow(reference)).toMatchObject({ status: 'investigating', assigneeId: cso1.id });
      await move(lead, reference, 'submit_for_decision');
      const row = await caseRow(reference);
      expect(row).toMatchObject({ status: 'pending_decision', assigneeId: cso1.id, submittedForDecisionById: lead.id });
      expect(row.riskScore).toBeGreaterThan(0);
    });

    it('refuses the decision to the assignee CSO (two-person rule) and changes nothing', async () => {
      const before = await snapshot(reference);
      const attempt = move(cso1, reference, 'escalate', RATIONALE);
      await expect(attempt).rejects.toBeInstanceOf(ActionRefused);
      await expect(attempt).rejects.toThrow(/two-person rule/i);
      expect(await snapshot(reference)).toEqual(before);
    });

    it('refuses a decision to a lead (not a CSO) and changes nothing', async () => {
      const before = await snapshot(reference);
      await expect(move(lead, reference, 'escalate', RATIONALE)).rejects.toBeInstanceOf(ActionRefused);
      expect(await snapshot(reference)).toEqual(before);
    });

    it('refuses a decision taken on a stale version and changes nothing', async () => {
      const before = await snapshot(reference);
      const attempt = move(cso2, reference, 'escalate', RATIONALE, before.case.version - 1);
      await expect(attempt).rejects.toBeInstanceOf(StaleCaseError);
      expect(await snapshot(reference)).toEqual(before);
    });

    it('escalates by another CSO: records the decision with its rationale and the risk as it stood', async () => {
      const before = await caseRow(reference);
      await move(cso2, reference, 'escalate', RATIONALE);
      const after = await caseRow(reference);
      expect(after).toMatchObject({ status: 'escalated', version: before.version + 1 });
      expect(after.decidedAt).not.toBeNull();

      const rows = await db.select().from(decisions).where(eq(decisions.caseId, caseId));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        outcome: 'escalated',
        rationale: RATIONALE,
        riskScore: before.riskScore,
        riskExplanation: before.riskExplanation,
        decidedById: cso2.id,
        twoPersonRuleWaived: false,
      });
      const actions = (await db.select({ action: auditLog.action, actorId: auditLog.actorId }).from(auditLog).where(eq(auditLog.caseId, caseId))).map((a) => a.action);
      expect(actions).toEqual(expect.arrayContaining(['case.decided', 'watchlist.added']));
    });

    it('puts the hard identifiers on the watchlist, not the soft or benign ones', async () => {
      const entries = await db
        .select({ kind: watchlist.kind, normalized: watchlist.normalized, confidence: watchlist.confidence, addedById: watchlist.addedById })
        .from(watchlist)
        .where(and(eq(watchlist.list, 'block'), eq(watchlist.sourceCaseId, caseId)));
      expect(entries.map((e) => `${e.kind}:${e.normalized}`).sort()).toEqual(
        [
          'address:88 harbor st unit 4 newark nj 07105',
          'email:ring.operator.x@proton.me',
          'ip:203.0.113.201',
          'phone:+442079460958',
          'wallet:0x52908400098527886e0f7030069857d2e4169ee8',
        ].sort(),
      );
      for (const entry of entries) expect(entry).toMatchObject({ confidence: 'high', addedById: cso2.id });
      expect(await db.$count(watchlist, and(eq(watchlist.list, 'block'), eq(watchlist.normalized, BENIGN_IP)))).toBe(0);
    });

    it('flags a later applicant who reuses one of those identifiers, with a higher score', async () => {
      const control = await submit({ email: 'fresh.applicant@example.net', phone: '+44 20 7946 0555' });
      // Same phone as the escalated case, written another way.
      const reuser = await submit({ email: 'someone.new@example.net', phone: '0044 (20) 7946-0958' });
      const row = await caseRow(reuser.reference);
      const codes = row.riskExplanation.map((c) => c.code);
      expect(codes).toContain('watchlist_hit');
      expect(codes).toContain('shared_with_escalated');
      expect(row.riskScore).toBeGreaterThan((await caseRow(control.reference)).riskScore);
      expect(row.riskScore).toBeGreaterThanOrEqual(50);
      expect(row.riskExplanation.reduce((sum, c) => sum + c.points, 0)).toBe(row.riskScore);
    });

    it('reopens only with a written rationale', async () => {
      const before = await snapshot(reference);
      for (const rationale of ['', 'too short']) {
        const attempt = move(cso1, reference, 'reopen', rationale);
        await expect(attempt).rejects.toBeInstanceOf(ActionRefused);
        await attempt.catch((error: ActionRefused) => expect(error.fieldErrors.rationale?.length).toBeGreaterThan(0));
      }
      expect(await snapshot(reference)).toEqual(before);

      const reason = 'New evidence from the background-check vendor; review the identity again.';
      await move(cso1, reference, 'reopen', reason);
      const after = await caseRow(reference);
      expect(after).toMatchObject({ status: 'investigating', decidedAt: null, submittedForDecisionById: null });
      const outcomes = await db.select({ outcome: decisions.outcome, rationale: decisions.rationale }).from(decisions).where(eq(decisions.caseId, caseId));
      expect(outcomes).toEqual(expect.arrayContaining([{ outcome: 'reopened', rationale: reason }]));
      expect(outcomes).toHaveLength(2);
    });
  });

  it('refuses the CSO who submitted the case for decision, too', async () => {
    const { reference } = await submit({ email: 'submitter.cso@example.org' });
    await move(lead, reference, 'start_investigating');
    await move(cso3, reference, 'submit_for_decision');
    const before = await snapshot(reference);
    await expect(move(cso3, reference, 'clear', RATIONALE)).rejects.toThrow(/two-person rule/i);
    expect(await snapshot(reference)).toEqual(before);
    await move(cso2, reference, 'clear', 'Identity verified live; references confirmed on independent numbers.');
    expect((await caseRow(reference)).status).toBe('cleared');
  });

  it('lets the assignee decide when the organization waived the two-person rule, and records the waiver', async () => {
    const { reference, caseId } = await submit({ email: 'single.cso.org@example.org' });
    await runStep(db, lead, assignCase, { reference, assigneeId: cso1.id });
    await move(cso1, reference, 'start_investigating');
    await setTwoPersonRule(db, false);
    try {
      await move(cso1, reference, 'clear', 'Only one CSO in this organization; all checks passed.');
    } finally {
      await setTwoPersonRule(db, true);
    }
    const [decision] = await db.select().from(decisions).where(eq(decisions.caseId, caseId));
    expect(decision).toMatchObject({ outcome: 'cleared', twoPersonRuleWaived: true, decidedById: cso1.id });
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.caseId, caseId), eq(auditLog.action, 'case.decided')));
    expect(audit.after).toMatchObject({ twoPersonRule: expect.stringMatching(/waived/) });
  });

  it('lets exactly one of two concurrent decisions on the same version win', async () => {
    const reference = await pendingCase('concurrent.decisions@example.org');
    const { id: caseId, version } = await caseRow(reference);
    const results = await Promise.allSettled([
      move(cso2, reference, 'escalate', RATIONALE, version),
      move(cso3, reference, 'clear', 'Identity verified live; references confirmed on independent numbers.', version),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toBeInstanceOf(StaleCaseError);

    const rows = await db.select().from(decisions).where(eq(decisions.caseId, caseId));
    expect(rows).toHaveLength(1);
    const row = await caseRow(reference);
    expect(row.version).toBe(version + 1);
    expect(row.status).toBe(rows[0].outcome);
    expect(await db.$count(auditLog, and(eq(auditLog.caseId, caseId), eq(auditLog.action, 'case.decided')))).toBe(1);
  });
});
