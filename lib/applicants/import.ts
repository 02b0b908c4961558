// Imports applicant records (lib/applicants/record.ts) as cases: identifiers normalized,
// matched, networks and scores updated, exactly as a recruiter's submission would.
//
// Records are imported in chunks, each in one transaction: one lock, one insert per table and
// one network update for the whole chunk is what makes ≥1,000 applicants a second possible on
// the embedded database. A chunk is all-or-nothing, and so is each record: records are checked
// (schema, catalog codes) before anything is written, and if the chunk still fails in the
// database its records are retried one transaction each, so one bad record never takes its
// neighbours down and never lands half-written.
import { eq, inArray, sql } from 'drizzle-orm';
import { ActionRefused } from '@/lib/actions/errors';
import type { StepResult } from '@/lib/actions/authorized-action';
import { appendAudit, type AuditActor, type AuditInput } from '@/lib/audit/log';
import type { SessionUser } from '@/lib/auth/session';
import { lockCaseGraph } from '@/lib/cases/commands';
import { refreshRiskAround } from '@/lib/cases/refresh-risk';
import { rowsOf, type Database, type Transaction } from '@/lib/db/client';
import { caseIndicators, caseResumes, cases, identifiers, indicatorCatalog, interviewRounds } from '@/lib/db/schema';
import { clearanceOf, formatReference, type Clearance } from '@/lib/domain';
import { normalizeIdentifier } from '@/lib/intel/normalize';
import { indexForMatching, indexResume } from '@/lib/intel/fuzzy/match-keys';
import { updateNetworks } from '@/lib/intel/networks';
import { applicantRecordSchema, describeFieldErrors, recordFieldErrors, type ApplicantRecord } from './record';

type Actor = Pick<SessionUser, 'id' | 'role'>;

/** Where the identifiers of an imported record say they came from. */
export const IMPORT_SOURCE = 'Applicant record (ATS)';

/** Records per transaction: large enough to amortize, small enough to keep locks short. */
export const IMPORT_CHUNK_SIZE = 250;

export interface ImportedApplicant {
  reference: string;
  externalId: string;
  clearance: Clearance;
  /** False when a case with this externalId already existed: nothing was written. */
  created: boolean;
  caseId: string;
}

export type LineResult = { line: number; ok: true; applicant: ImportedApplicant } | { line: number; ok: false; message: string; fields: Record<string, string[]> };

/** The codes of the indicator catalog, to name an unknown code before anything is written. */
async function catalogCodes(tx: Transaction): Promise<Set<string>> {
  const rows = await tx.select({ code: indicatorCatalog.code }).from(indicatorCatalog);
  return new Set(rows.map((r) => r.code));
}

function unknownCodeErrors(record: ApplicantRecord, codes: Set<string>): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  record.indicators.forEach((indicator, index) => {
    if (!codes.has(indicator.code)) fields[`indicators.${index}.code`] = [`Unknown indicator code "${indicator.code}".`];
  });
  return fields;
}

/**
 * Writes the records (already validated, codes known, externalIds new and distinct) in the
 * caller's transaction and returns the audit entries. The caller holds lockCaseGraph.
 */
async function insertRecords(tx: Transaction, actor: Actor, records: ApplicantRecord[]): Promise<{ imported: ImportedApplicant[]; audit: AuditInput[] }> {
  if (records.length === 0) return { imported: [], audit: [] };
  const sequences = rowsOf<{ sequence: string | number }>(
    await tx.execute(sql`select nextval('case_reference_seq') as sequence from generate_series(1, ${records.length}::int)`),
  ).map((row) => Number(row.sequence));
  const now = new Date();
  const created = await tx
    .insert(cases)
    .values(
      records.map((record, index) => {
        const submittedAt = record.submittedAt ? new Date(record.submittedAt) : now;
        return {
          reference: formatReference(submittedAt.getUTCFullYear(), sequences[index]),
          externalId: record.externalId,
          claimedName: record.claimedName,
          resumeName: record.resumeName,
          jobRole: record.role,
          region: record.region,
          source: record.source,
          submittedById: actor.id,
          createdAt: submittedAt,
          updatedAt: submittedAt,
          statusChangedAt: submittedAt,
        };
      }),
    )
    .returning({ id: cases.id, reference: cases.reference, externalId: cases.externalId, status: cases.status });
  const idOf = new Map(created.map((row) => [row.externalId, row.id]));

  const identifierRows = records.flatMap((record) => {
    const caseId = idOf.get(record.externalId)!;
    // Two spellings of one value (gmail dots) are one identifier: keep the first.
    const seen = new Set<string>();
    return record.identifiers.flatMap((identifier) => {
      const normalized = normalizeIdentifier(identifier.kind, identifier.value);
      const key = `${identifier.kind}:${normalized.ok ? normalized.value : ''}`;
      if (!normalized.ok || seen.has(key)) return [];
      seen.add(key);
      return [{ caseId, kind: identifier.kind, value: identifier.value, normalized: normalized.value, source: IMPORT_SOURCE, addedById: actor.id }];
    });
  });
  if (identifierRows.length > 0) await tx.insert(identifiers).values(identifierRows);

  const indicatorRows = records.flatMap((record) => {
    const caseId = idOf.get(record.externalId)!;
    const seen = new Set<string>();
    return record.indicators.filter((i) => !seen.has(i.code) && seen.add(i.code)).map((i) => ({ caseId, code: i.code, evidence: i.evidence, observedById: actor.id }));
  });
  if (indicatorRows.length > 0) await tx.insert(caseIndicators).values(indicatorRows);

  const interviewRows = records.flatMap((record) =>
    record.interviews.map((round) => ({
      caseId: idOf.get(record.externalId)!,
      heldOn: round.date,
      kind: round.kind,
      interviewer: round.interviewer,
      nameUsed: round.nameUsed,
      observations: round.observations,
      notes: round.notes,
      outcome: round.outcome,
      recordedById: actor.id,
    })),
  );
  if (interviewRows.length > 0) await tx.insert(interviewRounds).values(interviewRows);

  const resumeRows = records.filter((r) => r.resumeText?.trim()).map((r) => ({ caseId: idOf.get(r.externalId)!, body: r.resumeText! }));
  if (resumeRows.length > 0) await tx.insert(caseResumes).values(resumeRows);

  // Fuzzy match keys (names, email handles, résumé bands) first: networks and scores use them.
  const newIds = created.map((row) => row.id);
  await indexForMatching(tx, newIds);
  for (const row of resumeRows) await indexResume(tx, row.caseId, row.body);
  // New cases may join, bridge or form networks; everyone whose signals moved is re-scored.
  const networks = await updateNetworks(tx, newIds);
  await refreshRiskAround(tx, newIds, networks.affected);

  const imported = created.map((row) => ({ reference: row.reference, externalId: row.externalId!, clearance: clearanceOf(row.status), created: true, caseId: row.id }));
  const audit = records.map((record, index): AuditInput => ({
    action: 'case.imported',
    targetType: 'case',
    targetId: created[index].reference,
    caseId: created[index].id,
    after: { externalId: record.externalId, jobRole: record.role, region: record.region, source: record.source, identifiers: record.identifiers.length },
  }));
  return { imported, audit };
}

async function existingByExternalId(tx: Transaction, externalIds: string[]): Promise<Map<string, ImportedApplicant>> {
  if (externalIds.length === 0) return new Map();
  const rows = await tx
    .select({ id: cases.id, reference: cases.reference, externalId: cases.externalId, status: cases.status })
    .from(cases)
    .where(inArray(cases.externalId, externalIds));
  return new Map(rows.map((row) => [row.externalId!, { reference: row.reference, externalId: row.externalId!, clearance: clearanceOf(row.status), created: false, caseId: row.id }]));
}

/**
 * One record, in the caller's transaction (the API's single submission). The same externalId
 * again returns the existing case and writes nothing.
 */
export async function importApplicant(tx: Transaction, actor: Actor, record: ApplicantRecord): Promise<StepResult & { applicant: ImportedApplicant }> {
  await lockCaseGraph(tx);
  const existing = (await existingByExternalId(tx, [record.externalId])).get(record.externalId);
  if (existing) return { applicant: existing, audit: [], message: `${existing.reference} already holds ${record.externalId}.` };
  const unknown = unknownCodeErrors(record, await catalogCodes(tx));
  if (Object.keys(unknown).length > 0) throw new ActionRefused(describeFieldErrors(unknown), unknown);
  const { imported, audit } = await insertRecords(tx, actor, [record]);
  return { applicant: imported[0], audit, message: `${record.claimedName} was imported as ${imported[0].reference}.`, revalidate: ['/cases', '/clearance', '/network'] };
}

export interface RawLine {
  /** 1-based line (JSON Lines) or row (CSV) number, as the sender counts. */
  line: number;
  /** The parsed JSON value, or the error that made the line unreadable. */
  value: unknown;
  parseError?: string;
}

/** Checks a line against the record schema; a refusal names the fields. */
export function validateLine(raw: RawLine): { ok: true; record: ApplicantRecord } | { ok: false; message: string; fields: Record<string, string[]> } {
  if (raw.parseError) return { ok: false, message: raw.parseError, fields: {} };
  const parsed = applicantRecordSchema.safeParse(raw.value);
  if (parsed.success) return { ok: true, record: parsed.data };
  const fields = recordFieldErrors(parsed.error);
  return { ok: false, message: describeFieldErrors(fields), fields };
}

/**
 * Imports one chunk of lines: validated lines in one transaction, the invalid ones reported.
 * Returns a result for every line, in order.
 */
export async function importChunk(db: Database, actor: Actor & { email: string }, lines: RawLine[], auditActor?: AuditActor): Promise<LineResult[]> {
  const results = new Map<number, LineResult>();
  const valid: { line: number; record: ApplicantRecord }[] = [];
  for (const raw of lines) {
    const checked = validateLine(raw);
    if (checked.ok) valid.push({ line: raw.line, record: checked.record });
    else results.set(raw.line, { line: raw.line, ok: false, message: checked.message, fields: checked.fields });
  }
  const who = auditActor ?? { id: actor.id, email: actor.email };
  try {
    await db.transaction(async (tx) => {
      await lockCaseGraph(tx);
      const existing = await existingByExternalId(tx, [...new Set(valid.map((v) => v.record.externalId))]);
      const codes = await catalogCodes(tx);
      const fresh: { line: number; record: ApplicantRecord }[] = [];
      const firstLineOf = new Map<string, number>();
      for (const item of valid) {
        const known = existing.get(item.record.externalId);
        if (known) {
          results.set(item.line, { line: item.line, ok: true, applicant: known });
          continue;
        }
        const unknown = unknownCodeErrors(item.record, codes);
        if (Object.keys(unknown).length > 0) {
          results.set(item.line, { line: item.line, ok: false, message: describeFieldErrors(unknown), fields: unknown });
          continue;
        }
        // The same applicant twice in one file: the second line names the first one's case.
        if (firstLineOf.has(item.record.externalId)) continue;
        firstLineOf.set(item.record.externalId, item.line);
        fresh.push(item);
      }
      const { imported, audit } = await insertRecords(tx, actor, fresh.map((f) => f.record));
      imported.forEach((applicant, index) => results.set(fresh[index].line, { line: fresh[index].line, ok: true, applicant }));
      for (const item of valid) {
        if (results.has(item.line)) continue;
        const first = results.get(firstLineOf.get(item.record.externalId)!);
        if (first?.ok) results.set(item.line, { line: item.line, ok: true, applicant: { ...first.applicant, created: false } });
      }
      await appendAudit(tx, who, audit);
    });
  } catch (error) {
    if (valid.length <= 1) {
      if (!(error instanceof ActionRefused)) console.error('[import] record refused by the database:', error instanceof Error ? error.message : error);
      const message = error instanceof ActionRefused ? error.message : 'The database refused this record; nothing of it was saved.';
      for (const item of valid) results.set(item.line, { line: item.line, ok: false, message, fields: error instanceof ActionRefused ? error.fieldErrors : {} });
    } else {
      // Something in the chunk failed in the database: find which, one record at a time.
      for (const item of valid) {
        const [single] = await importChunk(db, actor, [{ line: item.line, value: item.record }], auditActor);
        results.set(item.line, single);
      }
    }
  }
  return lines.map((raw) => results.get(raw.line)!);
}

/** Imports any number of lines chunk by chunk, reporting progress after each chunk. */
export async function importLines(
  db: Database,
  actor: Actor & { email: string },
  lines: RawLine[],
  options: { auditActor?: AuditActor; onProgress?: (done: number, results: LineResult[]) => void | Promise<void> } = {},
): Promise<LineResult[]> {
  const all: LineResult[] = [];
  for (let start = 0; start < lines.length; start += IMPORT_CHUNK_SIZE) {
    const chunk = await importChunk(db, actor, lines.slice(start, start + IMPORT_CHUNK_SIZE), options.auditActor);
    all.push(...chunk);
    await options.onProgress?.(all.length, chunk);
  }
  return all;
}

/** Finds a case by the ATS id it was imported with. */
export async function caseByExternalId(db: Database | Transaction, externalId: string) {
  const [found] = await db.select().from(cases).where(eq(cases.externalId, externalId));
  return found ?? null;
}
