'use client';
// Pieces every chart shares: the fixed-height box, axis styling and a tooltip that renders
// the hovered data point with the chart's own formatting.
import type { ReactNode } from 'react';
import { ResponsiveContainer, type TooltipContentProps } from 'recharts';
import { CHART_HEIGHT, COLORS } from './palette';

export function ChartBox({ height = CHART_HEIGHT, children }: { height?: number; children: ReactNode }) {
  return (
    <div className="trend-chart" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 520, height }}>
        {children}
      </ResponsiveContainer>
    </div>
  );
}

export const TICK = { fontSize: 12, fill: COLORS.axis } as const;
export const LEGEND_STYLE = { fontSize: 12, paddingTop: 4 } as const;

/** An axis title with its unit, e.g. "USD millions", "cases", "days". */
export function axisLabel(value: string, axis: 'x' | 'y') {
  return axis === 'x'
    ? { value, position: 'insideBottom' as const, offset: -4, style: { fontSize: 12, fill: COLORS.axis } }
    : { value, angle: -90, position: 'insideLeft' as const, style: { fontSize: 12, fill: COLORS.axis, textAnchor: 'middle' as const } };
}

/** Tooltip content showing the hovered data point through `render`. */
export function tooltipContent<T>(render: (datum: T) => ReactNode) {
  return function TrendTooltip({ active, payload }: TooltipContentProps) {
    const datum = payload?.[0]?.payload as T | undefined;
    if (!active || !datum) return null;
    return <div className="trend-tooltip">{render(datum)}</div>;
  };
}
