// Reads the public-record aggregates for /trends and hands them to the view. A server
// component: the client charts below it receive plain arrays, never a query.
import type { TrendParams } from '@/lib/trends/params';
import { fundsByYear, incidentsByRegion, incidentsByVector, largestIncidents } from '@/lib/trends/queries';
import { PUBLIC_RECORD_FROM, PublicRecordView } from './public-record-view';

export async function PublicRecordPanels({ params }: { params: TrendParams }) {
  const { includeSuspected, source } = params;
  // Public incidents are few and years apart: unless a range was chosen, show them all,
  // while the company charts keep their default last twelve months.
  const range = params.explicitRange ? params.range : { from: PUBLIC_RECORD_FROM, to: params.range.to };
  const [funds, largest, regions, vectors] = await Promise.all([
    fundsByYear(source),
    largestIncidents(range, includeSuspected),
    incidentsByRegion(range, includeSuspected),
    incidentsByVector(range, includeSuspected),
  ]);
  return <PublicRecordView params={{ ...params, range }} funds={funds} largest={largest} regions={regions} vectors={vectors} />;
}
