'use client';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis, pattern, patterns } from 'recharts';
import { formatUsdRange, vectorLabel } from '@/lib/trends/figures';
import { formatDay } from '@/lib/trends/range';
import type { PublicIncident } from '@/lib/trends/types';
import { ChartBox, LEGEND_STYLE, TICK, axisLabel, tooltipContent } from './chart-parts';
import { COLORS, barListHeight } from './palette';

const stripes = pattern(patterns.diagonal);

interface Point {
  label: string;
  incident: PublicIncident;
  attributedLow: number | null;
  suspectedLow: number | null;
  upToHigh: number;
}

const IncidentTooltip = tooltipContent<Point>(({ incident }) => (
  <>
    <strong>{incident.name}</strong>
    {incident.suspected ? <div className="trend-flag">Suspected attribution</div> : null}
    <div>{formatDay(incident.occurredOn)}, {incident.victimCountry}</div>
    <div>
      {formatUsdRange(incident.usdMillionsLow, incident.usdMillionsHigh, incident.approximate)}
      {incident.approximate ? ' — approximate' : ''}
    </div>
    <div>Vector: {vectorLabel(incident.vector)}</div>
    <div className="muted">Attributed by: {incident.attribution}</div>
  </>
));

/** Largest incidents as bars from the low estimate, striped up to the high estimate. */
export function LargestIncidentsChart({ incidents }: { incidents: PublicIncident[] }) {
  const data: Point[] = incidents.map((incident) => ({
    label: `${incident.name}${incident.suspected ? ' (suspected)' : ''}`,
    incident,
    attributedLow: incident.suspected ? null : incident.usdMillionsLow,
    suspectedLow: incident.suspected ? incident.usdMillionsLow : null,
    upToHigh: incident.usdMillionsHigh - incident.usdMillionsLow,
  }));
  const anySuspected = incidents.some((incident) => incident.suspected);
  return (
    <ChartBox height={barListHeight(incidents.length)}>
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 12, bottom: 16, left: 4 }} title="Largest incidents, USD millions">
        <CartesianGrid stroke={COLORS.grid} horizontal={false} />
        <XAxis type="number" tick={TICK} label={axisLabel('USD millions (low to high estimate)', 'x')} />
        <YAxis
          type="category"
          dataKey="label"
          tick={TICK}
          width={150}
          interval={0}
        />
        <Tooltip content={IncidentTooltip} cursor={{ fill: '#f1f3f6' }} />
        <Legend verticalAlign="top" align="right" wrapperStyle={LEGEND_STYLE} itemSorter={null} />
        <Bar dataKey="attributedLow" stackId="usd" name="Low estimate" fill={COLORS.accent} isAnimationActive={false} />
        {anySuspected ? (
          <Bar dataKey="suspectedLow" stackId="usd" name="Low estimate, suspected" fill={COLORS.suspected} isAnimationActive={false} />
        ) : null}
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
