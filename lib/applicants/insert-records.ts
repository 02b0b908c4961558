// Writes a chunk of applicant records as cases with set-based SQL: one statement per table
// for the whole chunk (rows passed as one JSON document, lib/db/json-insert.ts), the fuzzy
// match keys computed from the values in hand, then one network update and one re-scoring
// for the chunk. What it derives is what submitting the records one by one would derive
// (tests/integration/bulk-import-equivalence.test.ts holds it to that).
import { sql } from 'drizzle-orm';
import type { AuditInput } from '@/lib/audit/log';
import type { SessionUser } from '@/lib/auth/session';
import { refreshRiskAround } from '@/lib/cases/refresh-risk';
import { rowsOf, type Transaction } from '@/lib/db/client';
import { insertJsonRows } from '@/lib/db/json-insert';
import { caseIndicators, caseResumes, cases, identifiers, interviewRounds } from '@/lib/db/schema';
import { clearanceOf, formatReference, type Clearance } from '@/lib/domain';
import { emailsOf, indexNewCases, namesOf } from '@/lib/intel/fuzzy/match-keys';
import { LinkLookups } from '@/lib/intel/link-lookups';
import { updateNetworks } from '@/lib/intel/networks';
import { normalizeIdentifier } from '@/lib/intel/normalize';
import { timePhase } from './import-phases';
import type { ApplicantRecord } from './record';

type Actor = Pick<SessionUser, 'id' | 'role'>;

/** Where the identifiers of an imported record say they came from. */
export const IMPORT_SOURCE = 'Applicant record (ATS)';

export interface ImportedApplicant {
  reference: string;
  externalId: string;
  clearance: Clearance;
  /** False when a case with this externalId already existed: nothing was written. */
  created: boolean;
  caseId: string;
}

/** A record's identifiers, normalized; two spellings of one value (gmail dots) are one identifier: the first is kept. */
function distinctIdentifiers(record: ApplicantRecord) {
  const seen = new Set<string>();
  return record.identifiers.flatMap((identifier) => {
    const normalized = normalizeIdentifier(identifier.kind, identifier.value);
    if (!normalized.ok) return [];
    const key = `${identifier.kind}:${normalized.value}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ kind: identifier.kind, value: identifier.value, normalized: normalized.value }];
  });
}

/** The rows of the records: cases, then identifiers, indicators, interviews and résumés, one statement each. */
async function writeRows(tx: Transaction, actor: Actor, records: ApplicantRecord[]) {
  const [{ drawn }] = rowsOf<{ drawn: string[] }>(
    await tx.execute(sql`select array(select nextval('case_reference_seq')::text from generate_series(1, ${records.length}::int)) as drawn`),
  );
  const sequences = drawn.map(Number);
  const now = new Date();
  const created = await insertJsonRows(
    tx,
    cases,
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
    { returning: ['id', 'reference', 'externalId', 'status'] },
  );
  const byExternalId = new Map(created.map((row) => [row.externalId!, row]));
  const written = records.map((record) => {
    const row = byExternalId.get(record.externalId)!;
    return { record, caseId: row.id, reference: row.reference, status: row.status, identifiers: distinctIdentifiers(record) };
  });

  await insertJsonRows(
    tx,
    identifiers,
    written.flatMap(({ caseId, identifiers: held }) => held.map((i) => ({ caseId, ...i, source: IMPORT_SOURCE, addedById: actor.id }))),
  );
  await insertJsonRows(
    tx,
    caseIndicators,
    written.flatMap(({ record, caseId }) => {
      const seen = new Set<string>();
      return record.indicators.filter((i) => !seen.has(i.code) && seen.add(i.code)).map((i) => ({ caseId, code: i.code, evidence: i.evidence, observedById: actor.id }));
    }),
  );
  await insertJsonRows(
    tx,
    interviewRounds,
    written.flatMap(({ record, caseId }) =>
      record.interviews.map((round) => ({
        caseId,
        heldOn: round.date,
        kind: round.kind,
        interviewer: round.interviewer,
        nameUsed: round.nameUsed,
        observations: round.observations,
        notes: round.notes,
        outcome: round.outcome,
        recordedById: actor.id,
      })),
    ),
  );
  const withResume = written.filter(({ record }) => record.resumeText?.trim());
  await insertJsonRows(tx, caseResumes, withResume.map(({ record, caseId }) => ({ caseId, body: record.resumeText! })));
  return written;
}

/**
 * Writes the records (already validated, codes known, externalIds new and distinct) in the
 * caller's transaction and returns the audit entries. The caller holds lockCaseGraph.
 */
export async function insertRecords(tx: Transaction, actor: Actor, records: ApplicantRecord[]): Promise<{ imported: ImportedApplicant[]; audit: AuditInput[] }> {
  if (records.length === 0) return { imported: [], audit: [] };
  const written = await timePhase('write rows', () => writeRows(tx, actor, records));

  // Fuzzy match keys (names, email handles, résumé bands) first: networks and scores use them.
  const madeCommon = await timePhase('match keys', () =>
    indexNewCases(
      tx,
      written.map(({ record, caseId, identifiers: held }) => ({
        caseId,
        names: namesOf(record, record.interviews.map((r) => r.nameUsed), held),
        emails: emailsOf(held),
        resumeText: record.resumeText?.trim() ? record.resumeText : undefined,
      })),
    ),
  );
  // New cases may join, bridge or form networks (and cut those a handle they made common held
  // together); everyone whose signals moved is re-scored. Both steps read the same links
  // (shared identifiers, fuzzy matches): looked up once.
  const newIds = written.map((w) => w.caseId);
  const lookups = new LinkLookups(tx);
  const networks = await timePhase('networks', () => updateNetworks(tx, [...newIds, ...madeCommon.relink], lookups));
  await timePhase('scores', () => refreshRiskAround(tx, newIds, [...networks.affected, ...madeCommon.rescore], lookups));

  const imported = written.map(({ record, caseId, reference, status }) => ({ reference, externalId: record.externalId, clearance: clearanceOf(status), created: true, caseId }));
  const audit = records.map((record, index): AuditInput => ({
    action: 'case.imported',
    targetType: 'case',
    targetId: imported[index].reference,
    caseId: imported[index].caseId,
    after: { externalId: record.externalId, jobRole: record.role, region: record.region, source: record.source, identifiers: record.identifiers.length },
  }));
  return { imported, audit };
}
