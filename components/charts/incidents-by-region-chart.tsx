'use client';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis, pattern, patterns } from 'recharts';
import { formatCount, formatUsdRange } from '@/lib/trends/figures';
import type { RegionIncidents } from '@/lib/trends/types';
import { ChartBox, LEGEND_STYLE, TICK, axisLabel, tooltipContent } from './chart-parts';
import { COLORS, barListHeight } from './palette';

const stripes = pattern(patterns.diagonal);

interface Point {
  label: string;
  row: RegionIncidents;
  low: number;
  upToHigh: number;
}

const RegionTooltip = tooltipContent<Point>(({ row }) => (
  <>
    <strong>{row.region}</strong>
    <div>{formatCount(row.incidents, 'incident')}{row.suspected > 0 ? `, ${row.suspected} suspected` : ''}</div>
    <div>{formatUsdRange(row.usdLow, row.usdHigh)}</div>
  </>
));

/** Public incidents by the victim's region: funds (low to high estimate), count in the label. */
export function IncidentsByRegionChart({ regions }: { regions: RegionIncidents[] }) {
  const data: Point[] = regions.map((row) => ({
    label: `${row.region} (${row.incidents})`,
    row,
    low: row.usdLow,
    upToHigh: row.usdHigh - row.usdLow,
  }));
  return (
    <ChartBox height={barListHeight(regions.length)}>
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 12, bottom: 16, left: 4 }} title="Public incidents by victim region">
        <CartesianGrid stroke={COLORS.grid} horizontal={false} />
        <XAxis type="number" tick={TICK} label={axisLabel('USD millions (low to high estimate)', 'x')} />
        <YAxis type="category" dataKey="label" tick={TICK} width={140} interval={0} />
        <Tooltip content={RegionTooltip} cursor={{ fill: '#f1f3f6' }} />
        <Legend verticalAlign="top" align="right" wrapperStyle={LEGEND_STYLE} itemSorter={null} />
        <Bar dataKey="low" stackId="usd" name="Low estimate" fill={COLORS.accent} isAnimationActive={false} />
        <Bar
          dataKey="upToHigh"
          stackId="usd"
          name="Up to high estimate"
          fill={{ color: COLORS.accent, definition: stripes }}
          stroke={COLORS.accent}
          isAnimationActive={false}
        />
      </BarChart>
    </ChartBox>
  );
}
