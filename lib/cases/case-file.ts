// Everything a lead or CSO reads on one case file, in three statements: the case with its
// short lists, the cases sharing its identifiers, and its network's graph.
import { and, asc, desc, eq, getTableColumns, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { appendAudit } from '@/lib/audit/log';
import type { RequestMeta } from '@/lib/audit/request-meta';
import type { SessionUser } from '@/lib/auth/session';
import { getDb, type Database } from '@/lib/db/client';
import { jsonList } from '@/lib/db/json-list';
import { attachments, auditLog, caseIndicators, cases, decisions, identifiers, indicatorCatalog, interviewRounds, notes, proofingChecks, users } from '@/lib/db/schema';
import { PROOFING_CHECKS } from '@/lib/domain';
import { attachmentListFields } from '@/lib/evidence/queries';
import { findSharedIdentifiers } from '@/lib/intel/matching';
import { getNetworkGraph } from '@/lib/intel/network-queries';
import { linkStrength } from '@/lib/intel/network-rules';
import { twoPersonRuleSql } from '@/lib/settings';
import { availableMoves } from './lifecycle';

/**
 * The case and every short list of it in one statement (lib/db/json-list.ts); each list is a
 * subquery on the case's id, by the case_id index of its table, its ties broken by id so the
 * order is the same on every view. The statement is built once per database (drizzle's
 * prepared query, the reference a placeholder): building its SQL text took longer than
 * running it.
 */
function caseWithLists(db: Database) {
  const assignee = alias(users, 'assignee');
  const submitter = alias(users, 'submitter');
  return db
    .select({
      case: cases,
      assigneeName: assignee.name,
      submitterName: submitter.name,
      submitterEmail: submitter.email,
      twoPersonRule: twoPersonRuleSql(),
      identifiers: jsonList(getTableColumns(identifiers), (s) =>
        db.select(s).from(identifiers).where(eq(identifiers.caseId, cases.id)).orderBy(asc(identifiers.kind), asc(identifiers.firstSeenAt), asc(identifiers.id)),
      ),
      indicators: jsonList(
        { id: caseIndicators.id, code: caseIndicators.code, evidence: caseIndicators.evidence, observedAt: caseIndicators.observedAt, title: indicatorCatalog.title, severity: indicatorCatalog.severity, category: indicatorCatalog.category, sources: indicatorCatalog.sources, observer: sql<string | null>`${users.name}` },
        (s) =>
          db
            .select(s)
            .from(caseIndicators)
            .innerJoin(indicatorCatalog, eq(indicatorCatalog.code, caseIndicators.code))
            .leftJoin(users, eq(users.id, caseIndicators.observedById))
            .where(eq(caseIndicators.caseId, cases.id))
            .orderBy(asc(caseIndicators.observedAt), asc(caseIndicators.id)),
      ),
      interviews: jsonList(getTableColumns(interviewRounds), (s) =>
        db.select(s).from(interviewRounds).where(eq(interviewRounds.caseId, cases.id)).orderBy(asc(interviewRounds.heldOn), asc(interviewRounds.createdAt), asc(interviewRounds.id)),
      ),
      proofing: jsonList(
        { check: proofingChecks.check, result: proofingChecks.result, note: proofingChecks.note, checkedAt: proofingChecks.checkedAt, checker: sql<string | null>`${users.name}` },
        (s) => db.select(s).from(proofingChecks).leftJoin(users, eq(users.id, proofingChecks.checkedById)).where(eq(proofingChecks.caseId, cases.id)),
      ),
      notes: jsonList({ id: notes.id, body: notes.body, createdAt: notes.createdAt, author: sql<string | null>`${users.name}` }, (s) =>
        db.select(s).from(notes).leftJoin(users, eq(users.id, notes.authorId)).where(eq(notes.caseId, cases.id)).orderBy(desc(notes.createdAt), desc(notes.id)),
      ),
      decisions: jsonList(
        { id: decisions.id, outcome: decisions.outcome, rationale: decisions.rationale, riskScore: decisions.riskScore, decidedAt: decisions.decidedAt, waived: decisions.twoPersonRuleWaived, decider: sql<string | null>`${users.name}` },
        (s) => db.select(s).from(decisions).leftJoin(users, eq(users.id, decisions.decidedById)).where(eq(decisions.caseId, cases.id)).orderBy(desc(decisions.decidedAt), desc(decisions.id)),
      ),
      timeline: jsonList({ id: auditLog.id, at: auditLog.at, action: auditLog.action, actorEmail: auditLog.actorEmail, before: auditLog.before, after: auditLog.after }, (s) =>
        db
          .select(s)
          .from(auditLog)
          .where(and(eq(auditLog.caseId, cases.id), ne(auditLog.action, 'case.viewed')))
          .orderBy(desc(auditLog.at), desc(auditLog.id))
          .limit(200),
      ),
      attachments: jsonList(attachmentListFields, (s) =>
        db.select(s).from(attachments).leftJoin(users, eq(users.id, attachments.uploadedById)).where(eq(attachments.caseId, cases.id)).orderBy(asc(attachments.uploadedAt), asc(attachments.id)),
      ),
    })
    .from(cases)
    .leftJoin(assignee, eq(assignee.id, cases.assigneeId))
    .leftJoin(submitter, eq(submitter.id, cases.submittedById))
    .where(eq(cases.reference, sql.placeholder('reference')))
    .prepare('case_file');
}

const prepared = new WeakMap<Database, ReturnType<typeof caseWithLists>>();

export async function getCaseFile(reference: string, viewer: SessionUser) {
  const db = await getDb();
  let read = prepared.get(db);
  if (!read) prepared.set(db, (read = caseWithLists(db)));
  const [subject] = await read.execute({ reference });
  if (!subject) return null;
  const { identifiers: identifierRows, indicators: indicatorRows, interviews: interviewRows, proofing: proofingRows, notes: noteRows, decisions: decisionRows, timeline, attachments: attachmentRows, twoPersonRule, ...head } = subject;

  // The two reads that join other cases (in parallel on PostgreSQL; PGlite queues them).
  const [linked, network] = await Promise.all([findSharedIdentifiers(db, head.case.id), head.case.networkId ? getNetworkGraph(head.case.networkId) : null]);

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
    ...head,
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
    timeline: head.case.erasedAt ? timeline.map((entry) => ({ ...entry, before: null, after: null })) : timeline,
    twoPersonRule,
    moves: availableMoves(head.case, viewer, { twoPersonRuleEnabled: twoPersonRule }),
    /** The viewer could decide but investigated this case: say why the buttons are missing. */
    blockedByTwoPersonRule:
      twoPersonRule &&
      availableMoves(head.case, viewer, { twoPersonRuleEnabled: false }).some((m) => m === 'escalate' || m === 'clear') &&
      !availableMoves(head.case, viewer, { twoPersonRuleEnabled: true }).includes('escalate'),
  };
}

export type CaseFile = NonNullable<Awaited<ReturnType<typeof getCaseFile>>>;

type CatalogEntry = Pick<typeof indicatorCatalog.$inferSelect, 'code' | 'title' | 'category' | 'severity'>;

// Read once per open database: the catalog is reference data the seed writes and nothing
// changes at run time (lib/db/seed/reference-data.ts), and every case file offers it. Keyed by
// the database object, so a database closed and opened again is read again.
const globalForCatalog = globalThis as unknown as { hirewatchIndicatorCatalog?: WeakMap<Database, Promise<CatalogEntry[]>> };
const catalogs = (globalForCatalog.hirewatchIndicatorCatalog ??= new WeakMap());

/** The catalog as the add-indicator form offers it (its guidance and sources stay on the server). */
export async function listIndicatorCatalog(): Promise<CatalogEntry[]> {
  const db = await getDb();
  let catalog = catalogs.get(db);
  if (!catalog) {
    catalog = readIndicatorCatalog(db);
    catalogs.set(db, catalog);
    // A failed or empty read (a database not seeded yet) is not kept.
    catalog.then(
      (entries) => entries.length === 0 && catalogs.delete(db),
      () => catalogs.delete(db),
    );
  }
  return catalog;
}

// Async, so the caller gets one promise: a drizzle query runs again each time it is awaited.
async function readIndicatorCatalog(db: Database): Promise<CatalogEntry[]> {
  return db
    .select({ code: indicatorCatalog.code, title: indicatorCatalog.title, category: indicatorCatalog.category, severity: indicatorCatalog.severity })
    .from(indicatorCatalog)
    .orderBy(asc(indicatorCatalog.category), asc(indicatorCatalog.title));
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
