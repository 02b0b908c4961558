'use client';
import { BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount } from '@/lib/trends/figures';
import { formatMonth, formatShortMonth } from '@/lib/trends/range';
import type { MonthOutcomes } from '@/lib/trends/types';
import { ChartBox, LEGEND_STYLE, TICK, axisLabel, tooltipContent } from './chart-parts';
import { outcomeBars } from './outcome-series';
import { COLORS } from './palette';

const MonthTooltip = tooltipContent<MonthOutcomes>((row) => (
  <>
    <strong>{formatMonth(row.month)}</strong>
    <div>{formatCount(row.escalated + row.cleared + row.underReview, 'case')} submitted</div>
    <div>Escalated: {row.escalated}</div>
    <div>Cleared: {row.cleared}</div>
    <div>Under review: {row.underReview}</div>
  </>
));

/** Cases submitted per month, stacked by current outcome. */
export function CasesPerMonthChart({ months }: { months: MonthOutcomes[] }) {
  return (
    <ChartBox>
      <BarChart data={months} margin={{ top: 8, right: 8, bottom: 16, left: 4 }} title="Cases per month by outcome">
        <CartesianGrid stroke={COLORS.grid} vertical={false} />
        <XAxis dataKey="month" tick={TICK} tickFormatter={formatShortMonth} minTickGap={4} label={axisLabel('Month of submission', 'x')} />
        <YAxis tick={TICK} width={44} allowDecimals={false} label={axisLabel('cases', 'y')} />
        <Tooltip content={MonthTooltip} cursor={{ fill: '#f1f3f6' }} />
        <Legend verticalAlign="top" align="right" wrapperStyle={LEGEND_STYLE} itemSorter={null} />
        {outcomeBars()}
      </BarChart>
    </ChartBox>
  );
}
