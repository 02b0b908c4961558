// GET /api/v1/cases/{reference} and ?externalId=: a case as an integration reads it (lead
// tokens only): status, score with its explanation, identifiers, indicators, network and the
// cases linked to it. Every read is audited like opening the case file.
import { asc, eq, type SQL } from 'drizzle-orm';
import { appendAudit } from '@/lib/audit/log';
import { getDb } from '@/lib/db/client';
import { caseIndicators, cases, identifiers, indicatorCatalog } from '@/lib/db/schema';
import { clearanceOf } from '@/lib/domain';
import { findSharedIdentifiers } from '@/lib/intel/matching';
import { auditActorOf, type ApiCaller } from './bearer';
import { ApiError } from './errors';
import type { z } from 'zod';
import type { caseSchema } from './schemas';

export const NO_SUCH_CASE = 'No such case.';

export async function readCase(caller: ApiCaller, where: SQL, request: Request): Promise<z.input<typeof caseSchema>> {
  const db = await getDb();
  const [subject] = await db.select().from(cases).where(where);
  if (!subject) throw new ApiError(404, NO_SUCH_CASE);
  const [identifierRows, indicatorRows, shared] = await Promise.all([
    db
      .select({ kind: identifiers.kind, value: identifiers.value, normalized: identifiers.normalized, source: identifiers.source, firstSeenAt: identifiers.firstSeenAt })
      .from(identifiers)
      .where(eq(identifiers.caseId, subject.id))
      .orderBy(asc(identifiers.kind), asc(identifiers.firstSeenAt)),
    db
      .select({ code: caseIndicators.code, title: indicatorCatalog.title, severity: indicatorCatalog.severity, evidence: caseIndicators.evidence, observedAt: caseIndicators.observedAt })
      .from(caseIndicators)
      .innerJoin(indicatorCatalog, eq(indicatorCatalog.code, caseIndicators.code))
      .where(eq(caseIndicators.caseId, subject.id))
      .orderBy(asc(caseIndicators.observedAt)),
    findSharedIdentifiers(db, subject.id),
  ]);
  const linked = new Map<string, { reference: string; status: (typeof shared)[number]['status']; shared: string[] }>();
  for (const row of shared) {
    const entry = linked.get(row.reference) ?? { reference: row.reference, status: row.status, shared: [] };
    entry.shared.push(`${row.kind}: ${row.value}`);
    linked.set(row.reference, entry);
  }
  await appendAudit(db, auditActorOf(caller, request), { action: 'case.viewed', targetType: 'case', targetId: subject.reference, caseId: subject.id, after: { via: 'api' } });
  return {
    reference: subject.reference,
    externalId: subject.externalId,
    status: subject.status,
    clearance: clearanceOf(subject.status),
    claimedName: subject.claimedName,
    resumeName: subject.resumeName,
    role: subject.jobRole,
    region: subject.region,
    source: subject.source,
    riskScore: subject.riskScore,
    riskBand: subject.riskBand,
    explanation: subject.riskExplanation,
    identifiers: identifierRows.map((row) => ({ ...row, firstSeenAt: row.firstSeenAt.toISOString() })),
    indicators: indicatorRows.map((row) => ({ ...row, observedAt: row.observedAt.toISOString() })),
    networkId: subject.networkId,
    linked: [...linked.values()],
    createdAt: subject.createdAt.toISOString(),
    updatedAt: subject.updatedAt.toISOString(),
  };
}

export const caseWhere = {
  reference: (reference: string) => eq(cases.reference, reference),
  externalId: (externalId: string) => eq(cases.externalId, externalId),
};
