// GET /cases/export: every case of the current /cases view (same URL filters) as a CSV file.
// Authorized on the server; the export itself is audited before the file is sent.
import { appendAudit } from '@/lib/audit/log';
import { caseListQuery, parseCaseListParams } from '@/lib/cases/list-params';
import { getDb } from '@/lib/db/client';
import { CASE_EXPORT_COLUMNS, CASE_EXPORT_LIMIT, exportCaseRows } from '@/lib/export/case-rows';
import { csvHeaders, fileDate, toCsv } from '@/lib/export/csv';
import { authorizeExport, exportRequestMeta, searchParamsRecord } from '@/lib/export/request';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  const auth = await authorizeExport('case:read');
  if ('response' in auth) return auth.response;
  const { user } = auth;
  // Every page of the view: the page number is not a filter.
  const view = { ...parseCaseListParams(searchParamsRecord(new URL(request.url))), page: 1 };
  const rows = await exportCaseRows(view, user);
  const query = caseListQuery(view);
  await appendAudit(
    await getDb(),
    { id: user.id, email: user.email, ...exportRequestMeta(request) },
    {
      action: 'cases.exported',
      targetType: 'export',
      targetId: `/cases/export${query}`,
      after: { query, rows: rows.length, truncated: rows.length >= CASE_EXPORT_LIMIT },
    },
  );
  return new Response(toCsv(CASE_EXPORT_COLUMNS, rows), { headers: csvHeaders(`hirewatch-cases-${fileDate()}.csv`) });
}
