import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { ChartGridSkeleton } from '@/components/charts/chart-skeleton';
import { CompanyPanels } from '@/components/charts/company-panels';
import { PublicRecordPanels } from '@/components/charts/public-record-panels';
import { TrendFilters } from '@/components/charts/trend-filters';
import { requirePermission } from '@/lib/auth/session';
import { parseTrendParams } from '@/lib/trends/params';
import { formatDay } from '@/lib/trends/range';

export const metadata: Metadata = { title: 'Trends' };

export default async function TrendsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission('trends:read');
  const params = parseTrendParams(await searchParams);
  const { range } = params;
  const rangeKey = `${range.from}/${range.to}`;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Trends</h1>
          <p className="muted small" style={{ margin: 0 }}>
            Aggregates only: counts, sums and medians, no personal data. {formatDay(range.from)} to {formatDay(range.to)}.
          </p>
        </div>
        <Link className="button" href="/trends">
          Reset
        </Link>
      </div>
      <TrendFilters params={params} />
      {params.invalidDates ? (
        <div className="banner banner-warn" role="status">
          A date in the link was not a valid day (YYYY-MM-DD); the default range is shown instead.
        </div>
      ) : null}

      <section className="trends-section" aria-labelledby="trends-company-title">
        <p id="trends-company-title" className="trends-section-title">
          This company’s screening cases
        </p>
        <Suspense key={rangeKey} fallback={<ChartGridSkeleton label="Loading the company charts…" />}>
          <CompanyPanels range={range} />
        </Suspense>
      </section>

      <section className="trends-section" aria-labelledby="trends-public-title">
        <p id="trends-public-title" className="trends-section-title">
          Public record: funds stolen by DPRK-attributed actors
        </p>
        <Suspense key={`${rangeKey}/${params.source}/${params.includeSuspected}`} fallback={<ChartGridSkeleton label="Loading the public-record charts…" />}>
          <PublicRecordPanels params={params} />
        </Suspense>
      </section>
    </>
  );
}
