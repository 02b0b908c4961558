// The company half of /trends, drawn from its aggregates: this organization's own screening
// cases as counts and medians only. Nothing here names a candidate or a case: executives see it.
import { formatDays, formatPercent } from '@/lib/trends/figures';
import { formatDay, formatMonth, type DateRange } from '@/lib/trends/range';
import { summarizeCasesByRegion, summarizeCasesPerMonth, summarizeDecisionTimes, summarizeTopIndicators } from '@/lib/trends/summaries';
import type { DecisionTimes, MonthOutcomes, RegionOutcomes, TopIndicators } from '@/lib/trends/types';
import { CasesByRegionChart } from './cases-by-region-chart';
import { CasesPerMonthChart } from './cases-per-month-chart';
import { ChartCard, ChartEmpty } from './chart-card';
import { DataTable } from './data-table';
import { DecisionTimeChart } from './decision-time-chart';
import { TopIndicatorsChart } from './top-indicators-chart';

function NoCases({ range }: { range: DateRange }) {
  return (
    <ChartEmpty>
      No case was submitted between {formatDay(range.from)} and {formatDay(range.to)}.
    </ChartEmpty>
  );
}

export function CompanyView({
  range,
  months,
  regions,
  indicators,
  times,
}: {
  range: DateRange;
  months: MonthOutcomes[];
  regions: RegionOutcomes[];
  indicators: TopIndicators;
  times: DecisionTimes;
}) {
  const anyCase = indicators.casesInRange > 0;

  return (
    <div className="grid-2 trends-grid">
      <ChartCard
        id="cases-per-month"
        title="Cases per month by outcome"
        summary={summarizeCasesPerMonth(months)}
        notes={<p>Each case counts once, in the month it was submitted, with its outcome as of today.</p>}
      >
        {anyCase ? (
          <>
            <CasesPerMonthChart months={months} />
            <DataTable
              caption="Cases submitted per month by outcome"
              columns={['Month', 'Escalated', 'Cleared', 'Under review', 'Total']}
              rows={months.map((row) => [formatMonth(row.month), row.escalated, row.cleared, row.underReview, row.escalated + row.cleared + row.underReview])}
            />
          </>
        ) : (
          <NoCases range={range} />
        )}
      </ChartCard>

      <ChartCard
        id="cases-by-region"
        title="Cases by targeted region"
        summary={summarizeCasesByRegion(regions)}
        notes={<p>The office region the applicant applied to: where the scheme is aimed, not where anyone is from.</p>}
      >
        {anyCase ? (
          <>
            <CasesByRegionChart regions={regions} />
            <DataTable
              caption="Cases by targeted office region and outcome"
              columns={['Region', 'Escalated', 'Cleared', 'Under review', 'Total']}
              rows={regions.map((row) => [row.label, row.escalated, row.cleared, row.underReview, row.total])}
            />
          </>
        ) : (
          <NoCases range={range} />
        )}
      </ChartCard>

      <ChartCard
        id="top-indicators"
        title="Most frequent indicators"
        summary={summarizeTopIndicators(indicators)}
        notes={<p>Cases on which each red flag was recorded, among the cases submitted in the range.</p>}
      >
        {indicators.indicators.length > 0 ? (
          <>
            <TopIndicatorsChart indicators={indicators.indicators} casesInRange={indicators.casesInRange} />
            <DataTable
              caption="Most frequent indicators, by number of cases"
              columns={['Indicator', 'Severity', 'Cases', 'Share of cases']}
              rows={indicators.indicators.map((row) => [row.title, row.severity, row.cases, formatPercent(row.cases, indicators.casesInRange)])}
            />
          </>
        ) : anyCase ? (
          <ChartEmpty>No indicator was recorded on the cases of this range.</ChartEmpty>
        ) : (
          <NoCases range={range} />
        )}
      </ChartCard>

      <ChartCard
        id="decision-time"
        title="Median time from submission to decision"
        summary={summarizeDecisionTimes(times)}
        notes={
          <p>
            Days from submission to the first escalate or clear decision, by month of submission. Recent months look faster: their slow cases are
            still open.
          </p>
        }
      >
        {times.medianDays !== null ? (
          <>
            <p className="trend-stat" aria-hidden="true">
              <strong>{formatDays(times.medianDays)}</strong>{' '}
              <span className="muted small">
                overall median (dashed line), {times.decided} decided
              </span>
            </p>
            <DecisionTimeChart months={times.months} medianDays={times.medianDays} />
            <DataTable
              caption="Median days from submission to decision, by month of submission"
              columns={['Month of submission', 'Median days', 'Decided cases']}
              rows={times.months.map((row) => [formatMonth(row.month), row.medianDays === null ? '—' : formatDays(row.medianDays), row.decided])}
            />
          </>
        ) : anyCase ? (
          <ChartEmpty>No case submitted in this range has been decided yet.</ChartEmpty>
        ) : (
          <NoCases range={range} />
        )}
      </ChartCard>
    </div>
  );
}
