// GET /api/v1/openapi.json: the OpenAPI 3.1 document, generated from the zod schemas. Public:
// it describes the API, not any data, and an ATS integrator needs it before having a token.
import { jsonResponse } from '@/lib/api/errors';
import { openApiDocument } from '@/lib/api/openapi';

export const dynamic = 'force-static';

export function GET(): Response {
  return jsonResponse(openApiDocument());
}
