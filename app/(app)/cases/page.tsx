import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { CaseFilters } from '@/components/cases/case-filters';
import { CaseListResults } from '@/components/cases/case-list-results';
import { TableSkeleton } from '@/components/ui/page-skeleton';
import { requirePermission } from '@/lib/auth/session';
import { listInvestigators } from '@/lib/cases/list';
import { caseListQuery, parseCaseListParams } from '@/lib/cases/list-params';

export const metadata: Metadata = { title: 'Cases' };

export default async function CasesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission('case:read');
  const params = parseCaseListParams(await searchParams);
  const investigators = await listInvestigators();
  const queueLink =
    user.role === 'cso'
      ? { label: 'Awaiting decision', href: `/cases${caseListQuery({ status: 'pending_decision', sort: 'risk' })}` }
      : { label: 'My queue', href: `/cases${caseListQuery({ assignee: 'me', sort: 'risk' })}` };
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
          <a className="button" href={`/cases/export${caseListQuery(params)}`} download>
            Export CSV
          </a>
        </div>
      </div>
      <Suspense>
        <CaseFilters investigators={investigators} />
      </Suspense>
      <Suspense key={caseListQuery(params)} fallback={<TableSkeleton label="Loading cases…" />}>
        <CaseListResults params={params} viewer={user} />
      </Suspense>
    </>
  );
}
