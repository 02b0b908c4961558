import type { Metadata } from 'next';
import { AuditFilters } from '@/components/audit/audit-filters';
import { AuditTable } from '@/components/audit/audit-table';
import { Pagination } from '@/components/ui/pagination';
import { auditFilterParams, hasAuditFilters, listAudit, listAuditActions, parseAuditListParams } from '@/lib/audit/queries';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Audit log' };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission('audit:read');
  const params = parseAuditListParams(await searchParams);
  const [{ rows, total, pageCount }, actions] = await Promise.all([listAudit(params), listAuditActions()]);
  const filtered = hasAuditFilters(params);
  const exportQuery = new URLSearchParams(auditFilterParams(params)).toString();
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Audit log</h1>
          <p className="muted small" style={{ margin: 0 }}>
            Every change, decision and clearance lookup, newest first. Append-only: entries cannot be edited or deleted. Times in UTC.
          </p>
        </div>
        <div className="row">
          <a className="button" href={`/audit/export${exportQuery ? `?${exportQuery}` : ''}`} download>
            Export CSV
          </a>
        </div>
      </div>
      <AuditFilters params={params} actions={actions} />
      {rows.length === 0 ? (
        <div className="card empty">
          {total > 0 ? 'No entries on this page.' : filtered ? 'No audit entry matches these filters.' : 'The audit log is empty: nothing has been recorded yet.'}
        </div>
      ) : (
        <AuditTable rows={rows} linkCases={can(user.role, 'case:read')} />
      )}
      <Pagination page={params.page} pageCount={pageCount} total={total} params={auditFilterParams(params)} basePath="/audit" />
    </>
  );
}
