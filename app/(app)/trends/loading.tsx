import { ChartGridSkeleton } from '@/components/charts/chart-skeleton';

export default function TrendsLoading() {
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Trends</h1>
          <p className="muted small" style={{ margin: 0 }}>
            Aggregates only: counts, sums and medians, no personal data.
          </p>
        </div>
      </div>
      <div className="card skeleton" style={{ height: 64, marginBottom: 14 }} aria-hidden="true" />
      <ChartGridSkeleton count={4} label="Loading trends…" />
    </>
  );
}
