import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { CaseFilters } from '@/components/cases/case-filters';
import { CaseTable } from '@/components/cases/case-table';
import { StatusTabs } from '@/components/cases/status-tabs';
import { Pagination } from '@/components/ui/pagination';
import { requirePermission } from '@/lib/auth/session';
import { listCases, listInvestigators } from '@/lib/cases/list';
import { caseListQuery, parseCaseListParams } from '@/lib/cases/list-params';

export const metadata: Metadata = { title: 'Cases' };

export default async function CasesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission('case:read');
  const params = parseCaseListParams(await searchParams);
  const [{ rows, counts, allCount, total, pageCount }, investigators] = await Promise.all([listCases(params, user), listInvestigators()]);
  const queueLink =
    user.role === 'cso'
      ? { label: 'Awaiting decision', href: `/cases${caseListQuery({ status: 'pending_decision', sort: 'risk' })}` }
      : { label: 'My queue', href: `/cases${caseListQuery({ assignee: 'me', sort: 'risk' })}` };
  const pageParams = Object.fromEntries(
    Object.entries(params).filter(([k, v]) => k !== 'page' && v !== undefined).map(([k, v]) => [k, String(v)]),
  );
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Cases</h1>
          <p className="muted small" style={{ margin: 0 }}>
            Suspected fraudulent applicants, one case file each.
          </p>
        </div>
        <div className="row">
          <Link className="button" href={queueLink.href}>
            {queueLink.label}
          </Link>
          <Link className="button" href="/cases">
            Reset filters
          </Link>
        </div>
      </div>
      <StatusTabs params={params} counts={counts} allCount={allCount} />
      <Suspense>
        <CaseFilters investigators={investigators} />
      </Suspense>
      {rows.length === 0 ? (
        <div className="card empty">No case matches these filters.</div>
      ) : (
        <Suspense>
          <CaseTable rows={rows} sort={params.sort} dir={params.dir} />
        </Suspense>
      )}
      <Pagination page={params.page} pageCount={pageCount} total={total} params={pageParams} basePath="/cases" />
    </>
  );
}
