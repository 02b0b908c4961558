// GET /audit/export: every entry of the current /audit view (same URL filters) as a CSV file,
// hash chain included. Authorized on the server; the export itself is audited before sending.
import { appendAudit } from '@/lib/audit/log';
import { auditFilterParams, parseAuditListParams } from '@/lib/audit/queries';
import { getDb } from '@/lib/db/client';
import { AUDIT_EXPORT_COLUMNS, AUDIT_EXPORT_LIMIT, exportAuditRows } from '@/lib/export/audit-rows';
import { csvHeaders, fileDate, toCsv } from '@/lib/export/csv';
import { authorizeExport, exportRequestMeta, searchParamsRecord } from '@/lib/export/request';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  const auth = await authorizeExport('audit:read');
  if ('response' in auth) return auth.response;
  const { user } = auth;
  const params = parseAuditListParams(searchParamsRecord(new URL(request.url)));
  const rows = await exportAuditRows(params);
  const filters = auditFilterParams(params);
  const query = new URLSearchParams(filters).toString();
  await appendAudit(
    await getDb(),
    { id: user.id, email: user.email, ...exportRequestMeta(request) },
    {
      action: 'audit.exported',
      targetType: 'export',
      targetId: 'audit_log',
      after: { query: query ? `?${query}` : '', filters, rows: rows.length, truncated: rows.length >= AUDIT_EXPORT_LIMIT },
    },
  );
  return new Response(toCsv(AUDIT_EXPORT_COLUMNS, rows), { headers: csvHeaders(`hirewatch-audit-${fileDate()}.csv`) });
}
