// GET /api/v1/jobs/{jobId}: progress of a batch. The token that queued it sees it; a lead token
// sees every job (a recruiter token never another's, answered as not found).
import { authorizeToken } from '@/lib/api/bearer';
import { ApiError, jsonResponse } from '@/lib/api/errors';
import { apiHandler } from '@/lib/api/handler';
import { can } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db/client';
import { viewJob } from '@/lib/jobs/queue';

export const dynamic = 'force-dynamic';

export const GET = apiHandler<{ params: Promise<{ jobId: string }> }>('job', async (request, { params }) => {
  const caller = await authorizeToken(request, 'candidate:submit');
  const { jobId } = await params;
  const job = await viewJob(await getDb(), jobId, can(caller.role, 'case:read') ? null : caller.id);
  if (!job) throw new ApiError(404, 'No such job.');
  const { jobId: id, status, total, done, failed, errors } = job;
  return jsonResponse({ jobId: id, status, total, done, failed, errors });
});
