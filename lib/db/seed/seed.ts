// Seeds the demo organization through the same business steps the app uses, so every demo
// case has the risk score, links, watchlist entries and audit trail a real one would have.
import { and, eq, sql } from 'drizzle-orm';
import { appendAudit, type AuditInput } from '@/lib/audit/log';
import { requiresSecondFactor } from '@/lib/auth/mfa/policy';
import { sealTotpSecret } from '@/lib/auth/mfa/totp-secret-box';
import { hashPassword } from '@/lib/auth/password';
import { addIdentifier, addIndicator, addInterview, addNote, moveCase, recordProofing, SUBMISSION_SOURCE, submitCandidate } from '@/lib/cases/commands';
import type { CaseMove } from '@/lib/cases/lifecycle';
import type { Database, Transaction } from '@/lib/db/client';
import { caseIndicators, cases, decisions, identifiers, interviewRounds, notes, proofingChecks, users, userSecondFactors } from '@/lib/db/schema';
import { normalizeIdentifier } from '@/lib/intel/normalize';
import { addToWatchlist } from '@/lib/intel/watchlist';
import { BENIGN_VALUES, demoCases, type DemoCase } from './demo-cases';
import { DEMO_TOTP_SECRET, DEMO_USERS, demoPassword } from './demo-users';
import { seedReferenceData } from './reference-data';

const DAY = 24 * 60 * 60 * 1000;

type Actor = { id: string; email: string; role: (typeof DEMO_USERS)[number]['role'] };

export async function isEmpty(db: Database): Promise<boolean> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(users);
  return row.count === 0;
}

async function createUsers(tx: Transaction): Promise<Record<string, Actor>> {
  const passwordHash = await hashPassword(demoPassword());
  const rows = await tx
    .insert(users)
    .values(DEMO_USERS.map((u) => ({ ...u, passwordHash })))
    .returning({ id: users.id, email: users.email, role: users.role });
  // The roles that need a second factor come enrolled with the public demo secret, so the demo
  // can be signed into at once (README "Demo sign-ins").
  const enrolled = rows.filter((r) => requiresSecondFactor(r.role));
  if (enrolled.length > 0) {
    await tx.insert(userSecondFactors).values(enrolled.map((r) => ({ userId: r.id, secretEncrypted: sealTotpSecret(DEMO_TOTP_SECRET, r.id), confirmedAt: new Date() })));
  }
  return Object.fromEntries(rows.map((r) => [r.email.split('@')[0], r]));
}

async function seedCase(tx: Transaction, plan: DemoCase, index: number, people: Record<string, Actor>, today: number, now: number) {
  const submittedAt = new Date(today - plan.daysAgo * DAY);
  // A story's later steps never land in the future: a recent case simply has not got that far.
  const at = (days: number) => new Date(Math.min(submittedAt.getTime() + days * DAY + index * 60_000, now - 60_000));
  const recruiter = index % 2 === 0 ? people.recruiter : people.recruiter2;
  const lead = index % 3 === 0 ? people.lead2 : people.lead;
  const cso = index % 4 === 0 ? people.cso2 : people.cso;
  let lastActivity = submittedAt;
  const log = async (actor: Actor, entries: AuditInput | AuditInput[], when: Date) => {
    if (when > lastActivity) lastActivity = when;
    await appendAudit(tx, { id: actor.id, email: actor.email, ip: '127.0.0.1', userAgent: 'hirewatch-seed' }, (Array.isArray(entries) ? entries : [entries]).map((e) => ({ ...e, at: when })));
  };

  const submitted = await submitCandidate(tx, recruiter, { ...plan, linkedin: '' }, { submittedAt });
  await log(recruiter, submitted.audit, submittedAt);
  const reference = submitted.reference;
  const version = async () => (await tx.select({ v: cases.version }).from(cases).where(eq(cases.id, submitted.caseId)))[0].v;
  let lastMove = submittedAt;
  const move = async (actor: Actor, step: CaseMove, when: Date, rationale = '') => {
    lastMove = when;
    await log(actor, (await moveCase(tx, actor, { reference, move: step, version: await version(), rationale })).audit, when);
  };

  const work = async () => {
    for (const identifier of plan.extraIdentifiers) {
      await log(lead, (await addIdentifier(tx, lead, { reference, ...identifier, source: 'Interview platform logs' })).audit, at(1));
    }
    if (plan.status === 'open') return;
    await move(lead, 'start_investigating', at(1));
    for (const round of plan.interviews) {
      const heldOn = at(round.daysAfter).toISOString().slice(0, 10);
      const interviewer = round.kind === 'final' ? 'Claire Santos' : 'Engineering panel';
      await log(lead, (await addInterview(tx, lead, { reference, heldOn, interviewer, outcome: 'advance', ...round })).audit, at(round.daysAfter));
    }
    for (const indicator of plan.indicators) {
      await log(lead, (await addIndicator(tx, lead, { reference, ...indicator })).audit, at(3));
    }
    for (const check of plan.proofing) {
      await log(lead, (await recordProofing(tx, lead, { reference, ...check })).audit, at(4));
    }
    for (const body of plan.notes) {
      await log(lead, (await addNote(tx, lead, { reference, body })).audit, at(2));
    }
    if (plan.status === 'investigating') return;
    const decidedAfter = plan.decisionAfterDays ?? 7;
    await move(lead, 'submit_for_decision', at(Math.max(1, decidedAfter - 1)));
    if (plan.status === 'pending_decision') return;

    const decidedAt = at(decidedAfter);
    await move(cso, plan.status === 'escalated' ? 'escalate' : 'clear', decidedAt, plan.rationale);
    await tx.update(decisions).set({ decidedAt }).where(eq(decisions.caseId, submitted.caseId));
    await tx.update(cases).set({ decidedAt }).where(eq(cases.id, submitted.caseId));
  };
  await work();
  // The business steps stamp rows with the seeding time; back-date them to the story's days.
  const caseId = submitted.caseId;
  await tx.update(cases).set({ updatedAt: lastActivity, statusChangedAt: lastMove }).where(eq(cases.id, caseId));
  await tx.update(identifiers).set({ firstSeenAt: at(1) }).where(eq(identifiers.caseId, caseId));
  await tx.update(identifiers).set({ firstSeenAt: submittedAt }).where(and(eq(identifiers.caseId, caseId), eq(identifiers.source, SUBMISSION_SOURCE)));
  await tx.update(caseIndicators).set({ observedAt: at(3) }).where(eq(caseIndicators.caseId, caseId));
  await tx.update(proofingChecks).set({ checkedAt: at(4) }).where(eq(proofingChecks.caseId, caseId));
  await tx.update(notes).set({ createdAt: at(2) }).where(eq(notes.caseId, caseId));
  await tx.update(interviewRounds).set({ createdAt: at(2) }).where(eq(interviewRounds.caseId, caseId));
}

/** Seeds an empty database with the demo organization. Returns false if it already had users. */
export async function seedDemo(db: Database, options: { today?: Date } = {}): Promise<boolean> {
  if (!(await isEmpty(db))) return false;
  const today = options.today ?? new Date();
  const startOfToday = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  await db.transaction(async (tx) => {
    await seedReferenceData(tx);
    const people = await createUsers(tx);
    await addToWatchlist(
      tx,
      BENIGN_VALUES.map((b) => {
        const normalized = normalizeIdentifier(b.kind, b.value);
        if (!normalized.ok) throw new Error(`Bad benign seed value ${b.value}`);
        return { ...b, normalized: normalized.value, list: 'benign' as const, confidence: 'high' as const, addedById: people.admin.id };
      }),
    );
    const plans = demoCases();
    for (const [index, plan] of plans.entries()) await seedCase(tx, plan, index, people, startOfToday, today.getTime());
  });
  return true;
}
