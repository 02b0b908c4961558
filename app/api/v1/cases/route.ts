// GET /api/v1/cases?externalId= (lead tokens) — see lib/api/case-view.ts.
import { authorizeToken } from '@/lib/api/bearer';
import { caseWhere, readCase } from '@/lib/api/case-view';
import { jsonResponse } from '@/lib/api/errors';
import { apiHandler } from '@/lib/api/handler';
import { parseQuery } from '@/lib/api/query';
import { caseQuerySchema } from '@/lib/api/schemas';

export const dynamic = 'force-dynamic';

export const GET = apiHandler('cases', async (request) => {
  const caller = await authorizeToken(request, 'case:read');
  const { externalId } = parseQuery(request, caseQuerySchema);
  return jsonResponse(await readCase(caller, caseWhere.externalId(externalId), request));
});
