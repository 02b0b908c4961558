// GET /import/jobs/{jobId}: the progress the import page polls (its own session's jobs; a
// lead or CSO may follow any import job, as leads do through the API).
import { getDb } from '@/lib/db/client';
import { authorizeExport } from '@/lib/export/request';
import { viewJob } from '@/lib/jobs/queue';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ jobId: string }> }): Promise<Response> {
  const auth = await authorizeExport('import:run');
  if ('response' in auth) return auth.response;
  const job = await viewJob(await getDb(), (await params).jobId, null);
  if (!job) return Response.json({ error: { message: 'No such job.' } }, { status: 404 });
  return Response.json(job, { headers: { 'Cache-Control': 'no-store' } });
}
