// Imports applicant records (lib/applicants/record.ts) as cases: identifiers normalized,
// matched, networks and scores updated, exactly as a recruiter's submission would.
//
// Records are imported in chunks, each in one transaction: one lock, one insert per table and
// one network update for the whole chunk is what makes ≥1,000 applicants a second possible on
// the embedded database. A chunk is all-or-nothing, and so is each record: records are checked
// (schema, catalog codes) before anything is written, and if the chunk still fails in the
// database its records are retried one transaction each, so one bad record never takes its
// neighbours down and never lands half-written.
import { eq } from 'drizzle-orm';
import { ActionRefused } from '@/lib/actions/errors';
import type { StepResult } from '@/lib/actions/authorized-action';
import { appendAudit, type AuditActor } from '@/lib/audit/log';
import type { SessionUser } from '@/lib/auth/session';
import { lockCaseGraph } from '@/lib/cases/commands';
import { anyOf } from '@/lib/db/any-of';
import type { Database, Transaction } from '@/lib/db/client';
import { cases, indicatorCatalog } from '@/lib/db/schema';
import { clearanceOf } from '@/lib/domain';
import { timePhase } from './import-phases';
import { insertRecords, type ImportedApplicant } from './insert-records';
import { applicantRecordSchema, describeFieldErrors, recordFieldErrors, type ApplicantRecord } from './record';

export { IMPORT_SOURCE, type ImportedApplicant } from './insert-records';

type Actor = Pick<SessionUser, 'id' | 'role'>;

/** Records per transaction: large enough to amortize, small enough to keep locks short. */
export const IMPORT_CHUNK_SIZE = 250;

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

async function existingByExternalId(tx: Transaction, externalIds: string[]): Promise<Map<string, ImportedApplicant>> {
  if (externalIds.length === 0) return new Map();
  const rows = await tx
    .select({ id: cases.id, reference: cases.reference, externalId: cases.externalId, status: cases.status })
    .from(cases)
    .where(anyOf(cases.externalId, externalIds));
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
  await timePhase('validate', () => {
    for (const raw of lines) {
      const checked = validateLine(raw);
      if (checked.ok) valid.push({ line: raw.line, record: checked.record });
      else results.set(raw.line, { line: raw.line, ok: false, message: checked.message, fields: checked.fields });
    }
  });
  const who = auditActor ?? { id: actor.id, email: actor.email };
  try {
    await db.transaction(async (tx) => {
      const { existing, codes } = await timePhase('write rows', async () => {
        await lockCaseGraph(tx);
        return { existing: await existingByExternalId(tx, [...new Set(valid.map((v) => v.record.externalId))]), codes: await catalogCodes(tx) };
      });
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
      await timePhase('audit', () => appendAudit(tx, who, audit));
    });
  } catch (error) {
    if (valid.length <= 1) {
      if (!(error instanceof ActionRefused)) console.error('[import] record refused by the database:', error instanceof Error ? error.message : error);
      const message = error instanceof ActionRefused ? error.message : 'The database refused this record; nothing of it was saved.';
      for (const item of valid) results.set(item.line, { line: item.line, ok: false, message, fields: error instanceof ActionRefused ? error.fieldErrors : {} });
    } else {
      // Something in the chunk failed in the database: find which, one record at a time,
      // giving the event loop a turn between records (on PGlite queries never do), so pages
      // and a shutdown signal are served during up to a thousand retries.
      for (const item of valid) {
        const [single] = await importChunk(db, actor, [{ line: item.line, value: item.record }], auditActor);
        results.set(item.line, single);
        await new Promise((resolve) => setImmediate(resolve));
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
