// Reads the company aggregates for /trends (counts and medians, never a case row) and hands
// them to the view. A server component: the client charts below it receive plain arrays.
import { casesByRegion, casesPerMonth, decisionTimes, topIndicators } from '@/lib/trends/queries';
import type { DateRange } from '@/lib/trends/range';
import { CompanyView } from './company-view';

export async function CompanyPanels({ range }: { range: DateRange }) {
  const [months, regions, indicators, times] = await Promise.all([
    casesPerMonth(range),
    casesByRegion(range),
    topIndicators(range),
    decisionTimes(range),
  ]);
  return <CompanyView range={range} months={months} regions={regions} indicators={indicators} times={times} />;
}
