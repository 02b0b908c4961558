// The slow half of /cases: counts, one page of rows and the pager, for one filtered view.
// Rendered inside the page's <Suspense>, after the page has checked the permission.
import { Suspense } from 'react';
import { CaseTable } from '@/components/cases/case-table';
import { StatusTabs } from '@/components/cases/status-tabs';
import { Pagination } from '@/components/ui/pagination';
import type { SessionUser } from '@/lib/auth/session';
import { listCases } from '@/lib/cases/list';
import type { CaseListParams } from '@/lib/cases/list-params';

export async function CaseListResults({ params, viewer }: { params: CaseListParams; viewer: SessionUser }) {
  const { rows, counts, allCount, total, pageCount } = await listCases(params, viewer);
  const pageParams = Object.fromEntries(
    Object.entries(params)
      .filter(([key, value]) => key !== 'page' && key !== 'after' && key !== 'before' && value !== undefined)
      .map(([key, value]) => [key, String(value)]),
  );
  return (
    <>
      <StatusTabs params={params} counts={counts} allCount={allCount} />
      {rows.length === 0 ? (
        <div className="card empty">No case matches these filters.</div>
      ) : (
        <Suspense>
          <CaseTable rows={rows} sort={params.sort} dir={params.dir} />
        </Suspense>
      )}
      <Pagination
        page={params.page}
        pageCount={pageCount}
        total={total}
        params={pageParams}
        basePath="/cases"
        // Keyset cursors: the next page starts after this page's last row, the previous ends
        // before its first (page 1 needs none).
        previous={rows.length > 0 && params.page > 2 ? { before: rows[0].reference } : {}}
        next={rows.length > 0 ? { after: rows[rows.length - 1].reference } : {}}
      />
    </>
  );
}
