// GET /api/v1/clearance: the clearance of one candidate, found by ATS id, email or reference.
// A recruiter token only ever finds the candidates it submitted (scoped in SQL, so another
// team's candidate is simply "not found"); every lookup is audited, as on the /clearance page.
import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { appendAudit } from '@/lib/audit/log';
import { can } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db/client';
import { cases, identifiers } from '@/lib/db/schema';
import { clearanceOf } from '@/lib/domain';
import { normalizeIdentifier } from '@/lib/intel/normalize';
import { auditActorOf, type ApiCaller } from './bearer';
import { ApiError } from './errors';
import type { z } from 'zod';
import type { clearanceQuerySchema, clearanceSchema } from './schemas';

type Query = z.output<typeof clearanceQuerySchema>;

export async function lookupClearance(caller: ApiCaller, query: Query, request: Request): Promise<z.input<typeof clearanceSchema>> {
  const db = await getDb();
  let match: SQL;
  if (query.reference) match = eq(cases.reference, query.reference);
  else if (query.externalId) match = eq(cases.externalId, query.externalId);
  else {
    const normalized = normalizeIdentifier('email', query.email ?? '');
    if (!normalized.ok) throw new ApiError(400, 'The email is not valid.', { email: [normalized.error] });
    match = inArray(
      cases.id,
      db.select({ id: identifiers.caseId }).from(identifiers).where(and(eq(identifiers.kind, 'email'), eq(identifiers.normalized, normalized.value))),
    );
  }
  const scope = can(caller.role, 'clearance:read-all') ? undefined : eq(cases.submittedById, caller.id);
  // An email may have been used by several applications: the most recently changed one answers.
  const [found] = await db
    .select({ reference: cases.reference, externalId: cases.externalId, status: cases.status, updatedAt: cases.statusChangedAt })
    .from(cases)
    .where(and(match, scope))
    .orderBy(desc(cases.statusChangedAt))
    .limit(1);
  if (!found) throw new ApiError(404, 'No candidate you submitted matches.');
  await appendAudit(db, auditActorOf(caller, request), {
    action: 'clearance.viewed',
    targetType: 'case',
    targetId: found.reference,
    after: { via: 'api', by: query.reference ? 'reference' : query.externalId ? 'externalId' : 'email' },
  });
  return { reference: found.reference, externalId: found.externalId, clearance: clearanceOf(found.status), updatedAt: found.updatedAt.toISOString() };
}
