// Everything a lead or CSO reads on one case file, loaded in parallel.
import { and, asc, desc, eq, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { appendAudit } from '@/lib/audit/log';
import type { RequestMeta } from '@/lib/audit/request-meta';
import type { SessionUser } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { auditLog, caseIndicators, cases, decisions, identifiers, indicatorCatalog, interviewRounds, notes, proofingChecks, users } from '@/lib/db/schema';
import { PROOFING_CHECKS } from '@/lib/domain';
import { listAttachments } from '@/lib/evidence/queries';
import { findSharedIdentifiers } from '@/lib/intel/matching';
import { getNetworkGraph } from '@/lib/intel/network-queries';
import { linkStrength } from '@/lib/intel/network-rules';
import { getTwoPersonRule } from '@/lib/settings';
import { availableMoves } from './lifecycle';

export async function getCaseFile(reference: string, viewer: SessionUser) {
  const db = await getDb();
  const assignee = alias(users, 'assignee');
  const submitter = alias(users, 'submitter');
  const [subject] = await db
    .select({ case: cases, assigneeName: assignee.name, submitterName: submitter.name, submitterEmail: submitter.email })
    .from(cases)
    .leftJoin(assignee, eq(assignee.id, cases.assigneeId))
    .leftJoin(submitter, eq(submitter.id, cases.submittedById))
    .where(eq(cases.reference, reference));
  if (!subject) return null;
  const caseId = subject.case.id;

  const networkId = subject.case.networkId;
  const [identifierRows, indicatorRows, interviewRows, proofingRows, noteRows, decisionRows, linked, timeline, twoPersonRule, network, attachmentRows] = await Promise.all([
    db.select().from(identifiers).where(eq(identifiers.caseId, caseId)).orderBy(asc(identifiers.kind), asc(identifiers.firstSeenAt)),
    db
      .select({ id: caseIndicators.id, code: caseIndicators.code, evidence: caseIndicators.evidence, observedAt: caseIndicators.observedAt, title: indicatorCatalog.title, severity: indicatorCatalog.severity, category: indicatorCatalog.category, sources: indicatorCatalog.sources, observer: users.name })
      .from(caseIndicators)
      .innerJoin(indicatorCatalog, eq(indicatorCatalog.code, caseIndicators.code))
      .leftJoin(users, eq(users.id, caseIndicators.observedById))
      .where(eq(caseIndicators.caseId, caseId))
      .orderBy(asc(caseIndicators.observedAt)),
    db.select().from(interviewRounds).where(eq(interviewRounds.caseId, caseId)).orderBy(asc(interviewRounds.heldOn), asc(interviewRounds.createdAt)),
    db
      .select({ check: proofingChecks.check, result: proofingChecks.result, note: proofingChecks.note, checkedAt: proofingChecks.checkedAt, checker: users.name })
      .from(proofingChecks)
      .leftJoin(users, eq(users.id, proofingChecks.checkedById))
      .where(eq(proofingChecks.caseId, caseId)),
    db
      .select({ id: notes.id, body: notes.body, createdAt: notes.createdAt, author: users.name })
      .from(notes)
      .leftJoin(users, eq(users.id, notes.authorId))
      .where(eq(notes.caseId, caseId))
      .orderBy(desc(notes.createdAt)),
    db
      .select({ id: decisions.id, outcome: decisions.outcome, rationale: decisions.rationale, riskScore: decisions.riskScore, decidedAt: decisions.decidedAt, waived: decisions.twoPersonRuleWaived, decider: users.name })
      .from(decisions)
      .leftJoin(users, eq(users.id, decisions.decidedById))
      .where(eq(decisions.caseId, caseId))
      .orderBy(desc(decisions.decidedAt)),
    findSharedIdentifiers(db, caseId),
    db.select({ id: auditLog.id, at: auditLog.at, action: auditLog.action, actorEmail: auditLog.actorEmail, before: auditLog.before, after: auditLog.after }).from(auditLog).where(and(eq(auditLog.caseId, caseId), ne(auditLog.action, 'case.viewed'))).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(200),
    getTwoPersonRule(db),
    networkId ? getNetworkGraph(networkId) : Promise.resolve(null),
    listAttachments(db, caseId),
  ]);

  const proofingByCheck = new Map(proofingRows.map((row) => [row.check, row]));
  const linkedCases = new Map<string, { reference: string; claimedName: string; status: (typeof linked)[number]['status']; shared: string[]; strong: boolean }>();
  for (const row of linked) {
    const entry = linkedCases.get(row.caseId) ?? { reference: row.reference, claimedName: row.claimedName, status: row.status, shared: [], strong: false };
    entry.shared.push(`${row.kind}: ${row.value}`);
    // Only strong links join networks; a case linked by a shared IP alone stays outside.
    if (linkStrength(row.kind) === 'strong') entry.strong = true;
    linkedCases.set(row.caseId, entry);
  }

  return {
    ...subject,
    identifiers: identifierRows,
    indicators: indicatorRows,
    interviews: interviewRows,
    proofing: PROOFING_CHECKS.map((check) => proofingByCheck.get(check) ?? { check, result: 'not_done' as const, note: '', checkedAt: null, checker: null }),
    notes: noteRows,
    attachments: attachmentRows,
    decisions: decisionRows,
    linkedCases: [...linkedCases.values()],
    network,
    // The audit log cannot forget (append-only, hash-chained), but the case file stops
    // showing what its entries recorded once the applicant's data was erased.
    timeline: subject.case.erasedAt ? timeline.map((entry) => ({ ...entry, before: null, after: null })) : timeline,
    twoPersonRule,
    moves: availableMoves(subject.case, viewer, { twoPersonRuleEnabled: twoPersonRule }),
    /** The viewer could decide but investigated this case: say why the buttons are missing. */
    blockedByTwoPersonRule:
      twoPersonRule &&
      availableMoves(subject.case, viewer, { twoPersonRuleEnabled: false }).some((m) => m === 'escalate' || m === 'clear') &&
      !availableMoves(subject.case, viewer, { twoPersonRuleEnabled: true }).includes('escalate'),
  };
}

export type CaseFile = NonNullable<Awaited<ReturnType<typeof getCaseFile>>>;

export async function listIndicatorCatalog() {
  const db = await getDb();
  return db.select().from(indicatorCatalog).orderBy(asc(indicatorCatalog.category), asc(indicatorCatalog.title));
}

/** Who looked at whom: opening a case file is recorded (the timeline leaves views out). */
export async function recordCaseView(viewer: SessionUser, subject: { id: string; reference: string }, meta: RequestMeta): Promise<void> {
  if (meta.prefetch) return;
  await appendAudit(await getDb(), { id: viewer.id, email: viewer.email, ip: meta.ip, userAgent: meta.userAgent }, {
    action: 'case.viewed',
    targetType: 'case',
    targetId: subject.reference,
    caseId: subject.id,
  });
}
