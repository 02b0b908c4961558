'use client';
import { Bar, BarChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount, formatDays } from '@/lib/trends/figures';
import { formatMonth, formatShortMonth } from '@/lib/trends/range';
import type { DecisionTimeMonth } from '@/lib/trends/types';
import { ChartBox, TICK, axisLabel, tooltipContent } from './chart-parts';
import { COLORS } from './palette';

const MonthTooltip = tooltipContent<DecisionTimeMonth>((row) => (
  <>
    <strong>Submitted {formatMonth(row.month)}</strong>
    {row.medianDays === null ? (
      <div className="muted">No decided case</div>
    ) : (
      <>
        <div>Median: {formatDays(row.medianDays)}</div>
        <div>{formatCount(row.decided, 'decided case')}</div>
      </>
    )}
  </>
));

/** Median days from submission to decision per month of submission, with the overall median. */
export function DecisionTimeChart({ months, medianDays }: { months: DecisionTimeMonth[]; medianDays: number | null }) {
  return (
    <ChartBox>
      <BarChart data={months} margin={{ top: 16, right: 8, bottom: 16, left: 4 }} title="Median time from submission to decision, days">
        <CartesianGrid stroke={COLORS.grid} vertical={false} />
        <XAxis dataKey="month" tick={TICK} tickFormatter={formatShortMonth} minTickGap={4} label={axisLabel('Month of submission', 'x')} />
        <YAxis tick={TICK} width={44} label={axisLabel('days', 'y')} />
        <Tooltip content={MonthTooltip} cursor={{ fill: '#f1f3f6' }} />
        <Bar dataKey="medianDays" name="Median days to decision" fill={COLORS.accent} isAnimationActive={false} />
        {medianDays !== null ? (
          <ReferenceLine y={medianDays} stroke={COLORS.escalated} strokeDasharray="4 3" strokeWidth={1.5} />
        ) : null}
      </BarChart>
    </ChartBox>
  );
}
