// POST /api/v1/candidates: one applicant record → 201 with the new case, or 200 with the case
// already holding this externalId (idempotent: an ATS may retry). A recruiter token is never
// told about a candidate someone else submitted: that externalId answers 409.
import { eq } from 'drizzle-orm';
import { ActionRefused } from '@/lib/actions/errors';
import { importApplicant } from '@/lib/applicants/import';
import { applicantRecordSchema, recordFieldErrors } from '@/lib/applicants/record';
import { appendAudit } from '@/lib/audit/log';
import { auditActorOf, authorizeToken } from '@/lib/api/bearer';
import { requireJsonContent } from '@/lib/api/content-type';
import { ApiError, jsonResponse } from '@/lib/api/errors';
import { apiHandler, readJson } from '@/lib/api/handler';
import { JSON_BODY_LIMIT } from '@/lib/api/limits';
import { can } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db/client';
import { cases } from '@/lib/db/schema';

export const dynamic = 'force-dynamic';

export const POST = apiHandler('candidates', async (request) => {
  const caller = await authorizeToken(request, 'candidate:submit');
  requireJsonContent(request);
  const parsed = applicantRecordSchema.safeParse(await readJson(request, JSON_BODY_LIMIT));
  if (!parsed.success) throw new ApiError(400, 'The applicant record is not valid: see fields.', recordFieldErrors(parsed.error));
  const db = await getDb();
  const outcome = await db
    .transaction(async (tx) => {
      const step = await importApplicant(tx, caller, parsed.data);
      if (!step.applicant.created && !can(caller.role, 'clearance:read-all')) {
        const [owner] = await tx.select({ submittedById: cases.submittedById }).from(cases).where(eq(cases.id, step.applicant.caseId));
        if (owner?.submittedById !== caller.id) throw new ApiError(409, 'This externalId is already used by a candidate another team submitted.', { externalId: ['Already in use.'] });
      }
      await appendAudit(tx, auditActorOf(caller, request), step.audit);
      return step.applicant;
    })
    .catch((error: unknown) => {
      if (error instanceof ActionRefused) throw new ApiError(400, error.message, error.fieldErrors);
      throw error;
    });
  const { reference, externalId, clearance } = outcome;
  return jsonResponse({ reference, externalId, clearance }, outcome.created ? 201 : 200, outcome.created ? { Location: `/api/v1/cases/${reference}` } : {});
});
