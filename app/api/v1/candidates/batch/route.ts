// POST /api/v1/candidates/batch: JSON Lines of applicant records → 202 {jobId}. The lines are
// stored with the job and imported in the background (lib/jobs); GET /api/v1/jobs/{jobId}
// reports progress and each refused line by number.
import { auditActorOf, authorizeToken } from '@/lib/api/bearer';
import { requireContentType } from '@/lib/api/content-type';
import { ApiError, jsonResponse } from '@/lib/api/errors';
import { apiHandler, readBody } from '@/lib/api/handler';
import { BATCH_BODY_LIMIT } from '@/lib/api/limits';
import { getDb } from '@/lib/db/client';
import { jsonLinesToJobLines, JsonLinesRefused } from '@/lib/import/json-lines';
import { enqueueImport, MAX_JOB_LINES } from '@/lib/jobs/queue';

export const dynamic = 'force-dynamic';

export const POST = apiHandler('candidates.batch', async (request) => {
  const caller = await authorizeToken(request, 'candidate:submit');
  requireContentType(request, 'application/x-ndjson', 'application/jsonl');
  const lines = linesOf(await readBody(request, BATCH_BODY_LIMIT));
  if (lines.length === 0) throw new ApiError(400, 'The batch is empty: send one applicant record per line.');
  if (lines.length > MAX_JOB_LINES) throw new ApiError(413, `At most ${MAX_JOB_LINES.toLocaleString('en-US')} lines per batch (got ${lines.length.toLocaleString('en-US')}); split it.`);
  const jobId = await enqueueImport(await getDb(), { ...auditActorOf(caller, request), id: caller.id, role: caller.role }, lines, 'api');
  return jsonResponse({ jobId }, 202, { Location: `/api/v1/jobs/${jobId}` });
});

function linesOf(body: string) {
  try {
    return jsonLinesToJobLines(body);
  } catch (error) {
    if (error instanceof JsonLinesRefused) throw new ApiError(400, error.message, { [`line.${error.line}`]: ['Holds a NUL character.'] });
    throw error;
  }
}
