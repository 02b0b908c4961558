// GET /api/v1/cases/{reference} (lead tokens) — see lib/api/case-view.ts.
import { authorizeToken } from '@/lib/api/bearer';
import { caseWhere, NO_SUCH_CASE, readCase } from '@/lib/api/case-view';
import { ApiError, jsonResponse } from '@/lib/api/errors';
import { apiHandler } from '@/lib/api/handler';
import { referenceSchema } from '@/lib/cases/validators';

export const dynamic = 'force-dynamic';

export const GET = apiHandler<{ params: Promise<{ reference: string }> }>('case', async (request, { params }) => {
  const caller = await authorizeToken(request, 'case:read');
  // Like the case file page: a malformed reference names no case (and never reaches the query).
  const reference = referenceSchema.safeParse((await params).reference);
  if (!reference.success) throw new ApiError(404, NO_SUCH_CASE);
  return jsonResponse(await readCase(caller, caseWhere.reference(reference.data), request));
});
