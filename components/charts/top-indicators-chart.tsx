'use client';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { SEVERITIES, type Severity } from '@/lib/domain';
import { formatCount, formatPercent } from '@/lib/trends/figures';
import type { IndicatorFrequency } from '@/lib/trends/types';
import { ChartBox, LEGEND_STYLE, TICK, axisLabel, tooltipContent } from './chart-parts';
import { COLORS, barListHeight } from './palette';

type Point = IndicatorFrequency & { casesInRange: number } & Partial<Record<Severity, number>>;

const IndicatorTooltip = tooltipContent<Point>((row) => (
  <>
    <strong>{row.title}</strong>
    <div>
      {formatCount(row.cases, 'case')} of {row.casesInRange} ({formatPercent(row.cases, row.casesInRange)})
    </div>
    <div className="muted">
      Severity {row.severity} · <span className="mono">{row.code}</span>
    </div>
  </>
));

/** The indicators recorded on the most cases, coloured by severity. */
export function TopIndicatorsChart({ indicators, casesInRange }: { indicators: IndicatorFrequency[]; casesInRange: number }) {
  const data: Point[] = indicators.map((row) => ({ ...row, casesInRange, [row.severity]: row.cases }));
  // Most severe first in the legend; only the severities present.
  const severities = [...SEVERITIES].reverse().filter((severity) => indicators.some((row) => row.severity === severity));
  return (
    <ChartBox height={barListHeight(indicators.length)}>
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 12, bottom: 16, left: 4 }} title="Most frequent indicators">
        <CartesianGrid stroke={COLORS.grid} horizontal={false} />
        <XAxis type="number" tick={TICK} allowDecimals={false} label={axisLabel('cases', 'x')} />
        <YAxis
          type="category"
          dataKey="title"
          tick={TICK}
          width={210}
          interval={0}
        />
        <Tooltip content={IndicatorTooltip} cursor={{ fill: '#f1f3f6' }} />
        <Legend verticalAlign="top" align="right" wrapperStyle={LEGEND_STYLE} itemSorter={null} />
        {severities.map((severity) => (
          <Bar
            key={severity}
            dataKey={severity}
            stackId="cases"
            name={`${severity[0].toUpperCase()}${severity.slice(1)} severity`}
            fill={COLORS.severity[severity]}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ChartBox>
  );
}
