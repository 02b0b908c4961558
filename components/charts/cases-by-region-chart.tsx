'use client';
import { BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount } from '@/lib/trends/figures';
import type { RegionOutcomes } from '@/lib/trends/types';
import { ChartBox, LEGEND_STYLE, TICK, axisLabel, tooltipContent } from './chart-parts';
import { outcomeBars } from './outcome-series';
import { COLORS } from './palette';

const RegionTooltip = tooltipContent<RegionOutcomes>((row) => (
  <>
    <strong>{row.label}</strong>
    <div>{formatCount(row.total, 'case')}</div>
    <div>Escalated: {row.escalated}</div>
    <div>Cleared: {row.cleared}</div>
    <div>Under review: {row.underReview}</div>
  </>
));

/** Cases by the office region the applicant targeted, stacked by current outcome. */
export function CasesByRegionChart({ regions }: { regions: RegionOutcomes[] }) {
  return (
    <ChartBox>
      <BarChart data={regions} margin={{ top: 8, right: 8, bottom: 16, left: 4 }} title="Cases by targeted region">
        <CartesianGrid stroke={COLORS.grid} vertical={false} />
        <XAxis dataKey="region" tick={TICK} label={axisLabel('Targeted office region', 'x')} />
        <YAxis tick={TICK} width={44} allowDecimals={false} label={axisLabel('cases', 'y')} />
        <Tooltip content={RegionTooltip} cursor={{ fill: '#f1f3f6' }} />
        <Legend verticalAlign="top" align="right" wrapperStyle={LEGEND_STYLE} itemSorter={null} />
        {outcomeBars()}
      </BarChart>
    </ChartBox>
  );
}
