// Reads the company aggregates for /trends (counts and medians, never a case row) and hands
// them to the view. A server component: the client charts below it receive plain arrays.
import { cachedAggregate } from '@/lib/trends/aggregate-cache';
import { casesByRegion, casesPerMonth, decisionTimes, topIndicators } from '@/lib/trends/queries';
import type { DateRange } from '@/lib/trends/range';
import { CompanyView } from './company-view';

export async function CompanyPanels({ range }: { range: DateRange }) {
  const key = `${range.from}/${range.to}`;
  const [months, regions, indicators, times] = await Promise.all([
    cachedAggregate(`months/${key}`, () => casesPerMonth(range)),
    cachedAggregate(`regions/${key}`, () => casesByRegion(range)),
    cachedAggregate(`indicators/${key}`, () => topIndicators(range)),
    cachedAggregate(`times/${key}`, () => decisionTimes(range)),
  ]);
  return <CompanyView range={range} months={months} regions={regions} indicators={indicators} times={times} />;
}
