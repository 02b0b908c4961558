// GET /api/v1/clearance?externalId=|email=|reference= — see lib/api/clearance-lookup.ts.
import { authorizeToken } from '@/lib/api/bearer';
import { lookupClearance } from '@/lib/api/clearance-lookup';
import { jsonResponse } from '@/lib/api/errors';
import { apiHandler } from '@/lib/api/handler';
import { parseQuery } from '@/lib/api/query';
import { clearanceQuerySchema } from '@/lib/api/schemas';

export const dynamic = 'force-dynamic';

export const GET = apiHandler('clearance', async (request) => {
  const caller = await authorizeToken(request, 'clearance:read-own');
  return jsonResponse(await lookupClearance(caller, parseQuery(request, clearanceQuerySchema), request));
});
