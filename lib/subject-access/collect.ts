// A subject access request: everything Hirewatch holds on one applicant, as one JSON
// document. Every table that refers to the case is read in full (not the case-file view's
// selection), so a new column shows up here without a code change; users appear by id,
// email and name, and evidence files by their metadata and SHA-256 (the bytes themselves are
// downloaded separately, each download audited).
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/lib/db/client';
import { attachments, auditLog, caseIndicators, caseResumes, cases, decisions, identifiers, indicatorCatalog, interviewRounds, notes, proofingChecks, users, watchlist } from '@/lib/db/schema';

export const SUBJECT_EXPORT_FORMAT = 'hirewatch.subject-access/1';

export async function collectSubjectData(db: DbOrTx, reference: string) {
  const [subject] = await db.select().from(cases).where(eq(cases.reference, reference));
  if (!subject) return null;
  const caseId = subject.id;
  // One query at a time: inside a transaction they would share one connection anyway.
  const staff = await db.select({ id: users.id, email: users.email, name: users.name, role: users.role }).from(users);
  const identifierRows = await db.select().from(identifiers).where(eq(identifiers.caseId, caseId)).orderBy(asc(identifiers.firstSeenAt));
  const indicatorRows = await db
    .select({ indicator: caseIndicators, title: indicatorCatalog.title, severity: indicatorCatalog.severity })
    .from(caseIndicators)
    .innerJoin(indicatorCatalog, eq(indicatorCatalog.code, caseIndicators.code))
    .where(eq(caseIndicators.caseId, caseId))
    .orderBy(asc(caseIndicators.observedAt));
  const interviewRows = await db.select().from(interviewRounds).where(eq(interviewRounds.caseId, caseId)).orderBy(asc(interviewRounds.heldOn));
  const proofingRows = await db.select().from(proofingChecks).where(eq(proofingChecks.caseId, caseId));
  const noteRows = await db.select().from(notes).where(eq(notes.caseId, caseId)).orderBy(asc(notes.createdAt));
  const [resume] = await db.select().from(caseResumes).where(eq(caseResumes.caseId, caseId));
  const attachmentRows = await db.select().from(attachments).where(eq(attachments.caseId, caseId)).orderBy(asc(attachments.uploadedAt));
  const decisionRows = await db.select().from(decisions).where(eq(decisions.caseId, caseId)).orderBy(asc(decisions.decidedAt));
  const watchlistRows = await db.select().from(watchlist).where(eq(watchlist.sourceCaseId, caseId)).orderBy(asc(watchlist.createdAt));
  const networkMembers = subject.networkId
    ? await db.select({ reference: cases.reference }).from(cases).where(eq(cases.networkId, subject.networkId)).orderBy(asc(cases.reference))
    : [];
  const auditRows = await db.select().from(auditLog).where(eq(auditLog.caseId, caseId)).orderBy(asc(auditLog.id));

  const byId = new Map(staff.map((u) => [u.id, u]));
  const person = (id: string | null) => (id ? (byId.get(id) ?? { id }) : null);
  return {
    format: SUBJECT_EXPORT_FORMAT,
    case: { ...subject, assignee: person(subject.assigneeId), submittedBy: person(subject.submittedById), submittedForDecisionBy: person(subject.submittedForDecisionById) },
    identifiers: identifierRows.map((row) => ({ ...row, addedBy: person(row.addedById) })),
    indicators: indicatorRows.map((row) => ({ ...row.indicator, title: row.title, severity: row.severity, observedBy: person(row.indicator.observedById) })),
    interviews: interviewRows.map((row) => ({ ...row, recordedBy: person(row.recordedById) })),
    proofing: proofingRows.map((row) => ({ ...row, checkedBy: person(row.checkedById) })),
    notes: noteRows.map((row) => ({ ...row, author: person(row.authorId) })),
    resumeText: resume?.body ?? null,
    attachments: attachmentRows.map((row) => ({ ...row, uploadedBy: person(row.uploadedById) })),
    decisions: decisionRows.map((row) => ({ ...row, decidedBy: person(row.decidedById) })),
    watchlistEntries: watchlistRows.map((row) => ({ ...row, addedBy: person(row.addedById) })),
    network: subject.networkId ? { id: subject.networkId, members: networkMembers.map((m) => m.reference) } : null,
    auditEntries: auditRows,
  };
}

export type SubjectData = NonNullable<Awaited<ReturnType<typeof collectSubjectData>>>;
