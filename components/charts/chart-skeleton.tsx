import { CHART_HEIGHT } from './palette';

/** Placeholder for a grid of chart panels while their queries run. */
export function ChartGridSkeleton({ count = 4, label }: { count?: number; label: string }) {
  return (
    <div className="grid-2 trends-grid" aria-busy="true">
      <span className="sr-only">{label}</span>
      {Array.from({ length: count }, (_, index) => (
        <div key={index} className="card trend-card" aria-hidden="true">
          <div className="skeleton" style={{ height: 18, width: '55%', marginBottom: 12 }} />
          <div className="skeleton" style={{ height: 12, width: '85%', marginBottom: 14 }} />
          <div className="skeleton" style={{ height: CHART_HEIGHT }} />
        </div>
      ))}
    </div>
  );
}
