// GET /api/v1/cases/{reference} (lead tokens) — see lib/api/case-view.ts.
import { authorizeToken } from '@/lib/api/bearer';
import { caseWhere, readCase } from '@/lib/api/case-view';
import { jsonResponse } from '@/lib/api/errors';
import { apiHandler } from '@/lib/api/handler';

export const dynamic = 'force-dynamic';

export const GET = apiHandler<{ params: Promise<{ reference: string }> }>('case', async (request, { params }) => {
  const caller = await authorizeToken(request, 'case:read');
  const { reference } = await params;
  return jsonResponse(await readCase(caller, caseWhere.reference(reference), request));
});
