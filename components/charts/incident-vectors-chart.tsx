'use client';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount, formatUsdRange } from '@/lib/trends/figures';
import type { VectorIncidents } from '@/lib/trends/types';
import { ChartBox, LEGEND_STYLE, TICK, axisLabel, tooltipContent } from './chart-parts';
import { COLORS, barListHeight } from './palette';

interface Point {
  label: string;
  row: VectorIncidents;
  staff: number | null;
  insider: number | null;
  other: number | null;
}

const VectorTooltip = tooltipContent<Point>(({ row }) => (
  <>
    <strong>{row.label}</strong>
    <div>{formatCount(row.incidents, 'incident')}</div>
    <div>{formatUsdRange(row.usdLow, row.usdHigh)}</div>
    {row.group === 'staff_targeted' ? <div className="muted">Aimed at the victim’s own staff</div> : null}
    {row.group === 'insider' ? <div className="muted">The fake-applicant scheme itself</div> : null}
  </>
));

/** Funds by entry vector (high estimate), the vectors that went through staff set apart. */
export function IncidentVectorsChart({ vectors }: { vectors: VectorIncidents[] }) {
  const data: Point[] = vectors.map((row) => ({
    label: `${row.label} (${row.incidents})`,
    row,
    staff: row.group === 'staff_targeted' ? row.usdHigh : null,
    insider: row.group === 'insider' ? row.usdHigh : null,
    other: row.group === 'other' ? row.usdHigh : null,
  }));
  const has = (group: VectorIncidents['group']) => vectors.some((row) => row.group === group);
  return (
    <ChartBox height={barListHeight(vectors.length)}>
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 12, bottom: 16, left: 4 }} title="Public incidents by entry vector">
        <CartesianGrid stroke={COLORS.grid} horizontal={false} />
        <XAxis type="number" tick={TICK} label={axisLabel('USD millions (high estimate)', 'x')} />
        <YAxis
          type="category"
          dataKey="label"
          tick={TICK}
          width={180}
          interval={0}
        />
        <Tooltip content={VectorTooltip} cursor={{ fill: '#f1f3f6' }} />
        <Legend verticalAlign="top" align="right" wrapperStyle={LEGEND_STYLE} itemSorter={null} />
        {has('staff_targeted') ? <Bar dataKey="staff" stackId="usd" name="Aimed at staff" fill={COLORS.staff} isAnimationActive={false} /> : null}
        {has('insider') ? <Bar dataKey="insider" stackId="usd" name="Hired IT worker" fill={COLORS.insider} isAnimationActive={false} /> : null}
        {has('other') ? <Bar dataKey="other" stackId="usd" name="Other vectors" fill={COLORS.other} isAnimationActive={false} /> : null}
      </BarChart>
    </ChartBox>
  );
}
