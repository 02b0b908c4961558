// The business steps that change a case, each inside the caller's transaction and each
// returning the audit entries it caused. Server actions, the seed and the tests call them.
import { and, eq, sql } from 'drizzle-orm';
import { ActionRefused, StaleCaseError } from '@/lib/actions/errors';
import type { StepResult } from '@/lib/actions/authorized-action';
import type { SessionUser } from '@/lib/auth/session';
import { rowsOf, type Transaction } from '@/lib/db/client';
import { caseIndicators, cases, decisions, identifiers, indicatorCatalog, interviewRounds, notes, proofingChecks, users } from '@/lib/db/schema';
import { formatReference, HARD_IDENTIFIER_KINDS, type IdentifierKind } from '@/lib/domain';
import { normalizeIdentifier } from '@/lib/intel/normalize';
import { notBenign } from '@/lib/intel/matching';
import { linkStrength } from '@/lib/intel/network-rules';
import { NO_HOLDER_CHANGES } from '@/lib/intel/fuzzy/common-keys';
import { indexForMatching } from '@/lib/intel/fuzzy/match-keys';
import { updateNetworks } from '@/lib/intel/networks';
import { addToWatchlist } from '@/lib/intel/watchlist';
import { getTwoPersonRule } from '@/lib/settings';
import { enqueueCaseEvent } from '@/lib/webhooks/outbox';
import { applyMove, isDecision, MIN_RATIONALE_LENGTH } from './lifecycle';
import { refreshRisk, refreshRiskAround, refreshRiskOfNetwork } from './refresh-risk';
import type {
  AddIdentifierInput,
  AddIndicatorInput,
  AddInterviewInput,
  AddNoteInput,
  AssignInput,
  MoveInput,
  RecordProofingInput,
  SubmitCandidateInput,
} from './validators';

type Actor = Pick<SessionUser, 'id' | 'role'>;

/** The source recorded on identifiers that came with the submission itself. */
export const SUBMISSION_SOURCE = 'Submitted by recruiting';

/**
 * Changes to one case move the scores of every case linked to it, so two concurrent writers
 * on linked cases would lock them in opposite orders (deadlock) or miss each other's new
 * identifiers (stale scores). Case writes therefore take one transaction-scoped advisory
 * lock first: they are rare next to reads, and each is short.
 */
export async function lockCaseGraph(tx: Transaction): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('hirewatch.case-graph'))`);
}

export async function caseByReference(tx: Transaction, reference: string) {
  await lockCaseGraph(tx);
  const [found] = await tx.select().from(cases).where(eq(cases.reference, reference)).for('update');
  if (!found) throw new ActionRefused('This case does not exist.');
  return found;
}

/** Every intel change makes the case newer: a decision prepared on the old version is stale. */
export async function touch(tx: Transaction, caseId: string) {
  await tx.update(cases).set({ updatedAt: new Date(), version: sql`${cases.version} + 1` }).where(eq(cases.id, caseId));
}

async function insertIdentifier(tx: Transaction, caseId: string, actorId: string | null, kind: IdentifierKind, value: string, source: string) {
  const normalized = normalizeIdentifier(kind, value);
  if (!normalized.ok) throw new ActionRefused(normalized.error, { value: [normalized.error] });
  const inserted = await tx
    .insert(identifiers)
    .values({ caseId, kind, value: value.trim(), normalized: normalized.value, source, addedById: actorId })
    .onConflictDoNothing()
    .returning({ id: identifiers.id });
  return inserted.length > 0;
}

export async function submitCandidate(
  tx: Transaction,
  actor: Actor,
  input: SubmitCandidateInput,
  options: { submittedAt?: Date } = {},
): Promise<StepResult & { reference: string; caseId: string }> {
  await lockCaseGraph(tx);
  const result = await tx.execute(sql`select nextval('case_reference_seq') as sequence`);
  const [{ sequence }] = rowsOf<{ sequence: string | number }>(result);
  const submittedAt = options.submittedAt ?? new Date();
  const reference = formatReference(submittedAt.getUTCFullYear(), Number(sequence));
  const [created] = await tx
    .insert(cases)
    .values({
      reference,
      claimedName: input.claimedName,
      resumeName: input.resumeName,
      jobRole: input.jobRole,
      region: input.region,
      source: input.source,
      submittedById: actor.id,
      createdAt: submittedAt,
      updatedAt: submittedAt,
      statusChangedAt: submittedAt,
    })
    .returning({ id: cases.id });
  const source = SUBMISSION_SOURCE;
  await insertIdentifier(tx, created.id, actor.id, 'email', input.email, source);
  if (input.phone) await insertIdentifier(tx, created.id, actor.id, 'phone', input.phone, source);
  if (input.linkedin) await insertIdentifier(tx, created.id, actor.id, 'linkedin', input.linkedin, source);
  const madeCommon = await indexForMatching(tx, [created.id]);
  // The new case may join (or bridge) networks: every member of a changed network is re-scored.
  const networks = await updateNetworks(tx, [created.id, ...madeCommon.relink]);
  await refreshRiskAround(tx, created.id, [...networks.affected, ...madeCommon.rescore]);
  return {
    reference,
    caseId: created.id,
    message: `${input.claimedName} was submitted for screening as ${reference}.`,
    audit: { action: 'case.submitted', targetType: 'case', targetId: reference, caseId: created.id, after: { claimedName: input.claimedName, jobRole: input.jobRole, region: input.region } },
    revalidate: ['/clearance', '/cases', '/network'],
  };
}

export async function addIdentifier(tx: Transaction, actor: Actor, input: AddIdentifierInput): Promise<StepResult> {
  const subject = await caseByReference(tx, input.reference);
  const added = await insertIdentifier(tx, subject.id, actor.id, input.kind, input.value, input.source);
  if (!added) throw new ActionRefused('This case already has that identifier.', { value: ['Already on this case (after normalization).'] });
  await touch(tx, subject.id);
  const madeCommon = input.kind === 'name' || input.kind === 'email' ? await indexForMatching(tx, [subject.id]) : NO_HOLDER_CHANGES;
  // Only a strong identifier can join networks; a weak one (an IP) still links for the score.
  const networks = linkStrength(input.kind) === 'strong' ? await updateNetworks(tx, [subject.id, ...madeCommon.relink]) : { affected: [] };
  await refreshRiskAround(tx, subject.id, [...networks.affected, ...madeCommon.rescore]);
  return {
    message: 'Identifier added.',
    audit: { action: 'case.identifier_added', targetType: 'case', targetId: subject.reference, caseId: subject.id, after: { kind: input.kind, value: input.value } },
    revalidate: [`/cases/${subject.reference}`, '/network'],
  };
}

export async function addIndicator(tx: Transaction, actor: Actor, input: AddIndicatorInput): Promise<StepResult> {
  const subject = await caseByReference(tx, input.reference);
  const [known] = await tx.select({ title: indicatorCatalog.title }).from(indicatorCatalog).where(eq(indicatorCatalog.code, input.code));
  if (!known) throw new ActionRefused('Choose an indicator from the catalog.', { code: ['Not an indicator of the catalog.'] });
  const inserted = await tx
    .insert(caseIndicators)
    .values({ caseId: subject.id, code: input.code, evidence: input.evidence, observedById: actor.id })
    .onConflictDoNothing()
    .returning({ id: caseIndicators.id });
  if (inserted.length === 0) throw new ActionRefused('This indicator is already recorded.', { code: ['Already recorded on this case.'] });
  await touch(tx, subject.id);
  await refreshRisk(tx, [subject.id]);
  return {
    message: `Indicator "${known.title}" added.`,
    audit: { action: 'case.indicator_added', targetType: 'case', targetId: subject.reference, caseId: subject.id, after: { code: input.code, evidence: input.evidence } },
    revalidate: [`/cases/${subject.reference}`],
  };
}

export async function addInterview(tx: Transaction, actor: Actor, input: AddInterviewInput): Promise<StepResult> {
  const subject = await caseByReference(tx, input.reference);
  const { reference: _reference, ...round } = input;
  await tx.insert(interviewRounds).values({ ...round, caseId: subject.id, recordedById: actor.id });
  await touch(tx, subject.id);
  // The name used is matched against other cases' names: both sides may gain a similar_name.
  const madeCommon = await indexForMatching(tx, [subject.id]);
  await refreshRiskAround(tx, subject.id, madeCommon.rescore);
  return {
    message: 'Interview round recorded.',
    audit: { action: 'case.interview_added', targetType: 'case', targetId: subject.reference, caseId: subject.id, after: { heldOn: input.heldOn, kind: input.kind, nameUsed: input.nameUsed, outcome: input.outcome } },
    revalidate: [`/cases/${subject.reference}`],
  };
}

export async function recordProofing(tx: Transaction, actor: Actor, input: RecordProofingInput): Promise<StepResult> {
  const subject = await caseByReference(tx, input.reference);
  const [previous] = await tx
    .select({ result: proofingChecks.result })
    .from(proofingChecks)
    .where(and(eq(proofingChecks.caseId, subject.id), eq(proofingChecks.check, input.check)));
  const values = { result: input.result, note: input.note, checkedById: actor.id, checkedAt: new Date() };
  await tx
    .insert(proofingChecks)
    .values({ caseId: subject.id, check: input.check, ...values })
    .onConflictDoUpdate({ target: [proofingChecks.caseId, proofingChecks.check], set: values });
  await touch(tx, subject.id);
  return {
    message: 'Proofing result recorded.',
    audit: {
      action: 'case.proofing_recorded',
      targetType: 'case',
      targetId: subject.reference,
      caseId: subject.id,
      before: previous ? { check: input.check, result: previous.result } : null,
      after: { check: input.check, result: input.result },
    },
    revalidate: [`/cases/${subject.reference}`],
  };
}

export async function addNote(tx: Transaction, actor: Actor, input: AddNoteInput): Promise<StepResult> {
  const subject = await caseByReference(tx, input.reference);
  await tx.insert(notes).values({ caseId: subject.id, authorId: actor.id, body: input.body });
  await touch(tx, subject.id);
  return {
    message: 'Note added.',
    audit: { action: 'case.note_added', targetType: 'case', targetId: subject.reference, caseId: subject.id, after: { length: input.body.length } },
    revalidate: [`/cases/${subject.reference}`],
  };
}

export async function assignCase(tx: Transaction, _actor: Actor, input: AssignInput): Promise<StepResult> {
  const subject = await caseByReference(tx, input.reference);
  const [assignee] = await tx.select({ id: users.id, email: users.email, role: users.role, disabled: users.disabled }).from(users).where(eq(users.id, input.assigneeId));
  if (!assignee || assignee.disabled || (assignee.role !== 'lead' && assignee.role !== 'cso')) {
    throw new ActionRefused('Cases can only be assigned to an active security lead or CSO.', { assigneeId: ['Choose a security lead or CSO.'] });
  }
  await tx.update(cases).set({ assigneeId: assignee.id, updatedAt: new Date(), version: sql`${cases.version} + 1` }).where(eq(cases.id, subject.id));
  return {
    message: `Assigned to ${assignee.email}.`,
    audit: { action: 'case.assigned', targetType: 'case', targetId: subject.reference, caseId: subject.id, before: { assigneeId: subject.assigneeId }, after: { assigneeId: assignee.id, assignee: assignee.email } },
    revalidate: [`/cases/${subject.reference}`, '/cases'],
  };
}

export async function moveCase(tx: Transaction, actor: Actor, input: MoveInput): Promise<StepResult> {
  const subject = await caseByReference(tx, input.reference);
  // Checked before anything else: a reviewer acting on an old page must reload first.
  if (subject.version !== input.version) throw new StaleCaseError();
  const needsRationale = input.move === 'escalate' || input.move === 'clear' || input.move === 'reopen';
  if (needsRationale && input.rationale.length < MIN_RATIONALE_LENGTH) {
    const message = `Write a rationale of at least ${MIN_RATIONALE_LENGTH} characters.`;
    throw new ActionRefused(message, { rationale: [message] });
  }
  const twoPersonRuleEnabled = await getTwoPersonRule(tx);
  const result = applyMove(subject, input.move, actor, { rationale: input.rationale, twoPersonRuleEnabled });
  if (!result.ok) throw new ActionRefused(result.error);

  const now = new Date();
  const updated = await tx
    .update(cases)
    .set({
      status: result.status,
      version: sql`${cases.version} + 1`,
      updatedAt: now,
      statusChangedAt: now,
      // Starting an investigation without an assignee makes the starter its owner.
      assigneeId: input.move === 'start_investigating' ? (subject.assigneeId ?? actor.id) : subject.assigneeId,
      submittedForDecisionById: input.move === 'submit_for_decision' ? actor.id : input.move === 'reopen' ? null : subject.submittedForDecisionById,
      decidedAt: isDecision(input.move) ? now : input.move === 'reopen' ? null : subject.decidedAt,
    })
    .where(and(eq(cases.id, subject.id), eq(cases.version, input.version)))
    .returning({ id: cases.id });
  if (updated.length === 0) throw new StaleCaseError();

  const audit: StepResult['audit'] = [];
  if (needsRationale) {
    await tx.insert(decisions).values({
      caseId: subject.id,
      outcome: input.move === 'reopen' ? 'reopened' : result.status === 'escalated' ? 'escalated' : 'cleared',
      rationale: input.rationale,
      riskScore: subject.riskScore,
      riskExplanation: subject.riskExplanation,
      twoPersonRuleWaived: isDecision(input.move) && !twoPersonRuleEnabled,
      decidedById: actor.id,
      decidedAt: now,
    });
  }
  if (input.move === 'escalate') {
    const hard = await tx
      .select({ kind: identifiers.kind, value: identifiers.value, normalized: identifiers.normalized })
      .from(identifiers)
      // A benign value (the company's own VPN exit) must never become a block entry.
      .where(and(eq(identifiers.caseId, subject.id), notBenign(tx)));
    const entries = hard.filter((i) => HARD_IDENTIFIER_KINDS.includes(i.kind));
    const added = await addToWatchlist(
      tx,
      entries.map((i) => ({ ...i, source: `Escalated case ${subject.reference}`, confidence: 'high' as const, sourceCaseId: subject.id, addedById: actor.id })),
    );
    if (added > 0) audit.push({ action: 'watchlist.added', targetType: 'watchlist', targetId: subject.reference, caseId: subject.id, after: { entries: added } });
  }
  // Queued in this transaction: the webhook goes out if and only if the decision commits.
  if (result.status === 'escalated' || result.status === 'cleared') {
    await enqueueCaseEvent(tx, result.status === 'escalated' ? 'case.escalated' : 'case.cleared', { reference: subject.reference, status: result.status });
  }
  // Of a case's status, only "escalated" is an input to scores: linked cases count a link to
  // an escalated case higher (shared_with_escalated) and the rest of its network gains
  // network_with_escalated. A move into or out of it re-scores them all; any other move
  // (start, submit, clear) changes no case's derived signals, so nothing is re-scored.
  if (result.status === 'escalated' || subject.status === 'escalated') await refreshRiskOfNetwork(tx, subject.id);

  audit.unshift({
    action: isDecision(input.move) ? 'case.decided' : 'case.moved',
    targetType: 'case',
    targetId: subject.reference,
    caseId: subject.id,
    before: { status: subject.status, version: subject.version },
    after: {
      status: result.status,
      ...(needsRationale ? { rationale: input.rationale, riskScore: subject.riskScore } : {}),
      ...(isDecision(input.move) && !twoPersonRuleEnabled ? { twoPersonRule: 'waived (organization setting)' } : {}),
    },
  });
  return { message: `Case ${subject.reference}: ${result.status.replace('_', ' ')}.`, audit, revalidate: [`/cases/${subject.reference}`, '/cases', '/clearance', '/network'] };
}
