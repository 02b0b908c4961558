// GET /import/jobs/{jobId}/errors: the refused lines of an import as a CSV file (line, message).
import { getDb } from '@/lib/db/client';
import { csvHeaders, toCsv, type CsvColumn } from '@/lib/export/csv';
import { authorizeExport } from '@/lib/export/request';
import { viewJob } from '@/lib/jobs/queue';

export const dynamic = 'force-dynamic';

const COLUMNS: CsvColumn<{ line: number; message: string }>[] = [
  { header: 'line', value: (e) => e.line },
  { header: 'message', value: (e) => e.message },
];

export async function GET(_request: Request, { params }: { params: Promise<{ jobId: string }> }): Promise<Response> {
  const auth = await authorizeExport('import:run');
  if ('response' in auth) return auth.response;
  const job = await viewJob(await getDb(), (await params).jobId, null);
  if (!job) return new Response('No such job.', { status: 404 });
  return new Response(toCsv(COLUMNS, job.errors), { headers: csvHeaders(`hirewatch-import-errors-${job.jobId.slice(0, 8)}.csv`) });
}
