'use client';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis, pattern, patterns } from 'recharts';
import { formatCount, formatUsdMillions } from '@/lib/trends/figures';
import type { YearlyFigure } from '@/lib/trends/types';
import { ChartBox, LEGEND_STYLE, TICK, axisLabel, tooltipContent } from './chart-parts';
import { COLORS } from './palette';

const stripes = pattern(patterns.diagonal);

interface Point {
  label: string;
  year: number;
  figure: YearlyFigure | null;
  exact: number | null;
  approximate: number | null;
}

const YearTooltip = tooltipContent<Point>(({ year, figure }) =>
  figure ? (
    <>
      <strong>
        {year}
        {figure.period === 'full year' ? '' : ` (${figure.period})`}
      </strong>
      <div>{formatUsdMillions(figure.usdMillions, figure.approximate)}{figure.approximate ? ' — approximate' : ''}</div>
      {figure.incidents !== null ? <div>{formatCount(figure.incidents, 'incident')}</div> : null}
      <div className="muted">{figure.basis}</div>
      <div className="muted">Confidence: {figure.confidence}</div>
    </>
  ) : (
    <>
      <strong>{year}</strong>
      <div className="muted">No figure from this source</div>
    </>
  ),
);

/** Funds stolen per year by one source; years the source skipped stay as gaps. */
export function FundsByYearChart({ figures, source }: { figures: YearlyFigure[]; source: string }) {
  const byYear = new Map(figures.map((figure) => [figure.year, figure]));
  const first = figures[0]?.year ?? 0;
  const last = figures[figures.length - 1]?.year ?? -1;
  const data: Point[] = [];
  for (let year = first; year <= last; year++) {
    const figure = byYear.get(year) ?? null;
    data.push({
      label: figure && figure.period !== 'full year' ? `${year}*` : String(year),
      year,
      figure,
      exact: figure && !figure.approximate ? figure.usdMillions : null,
      approximate: figure?.approximate ? figure.usdMillions : null,
    });
  }
  const hasApproximate = figures.some((figure) => figure.approximate);
  return (
    <ChartBox>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 16, left: 12 }} title={`Funds stolen per year, ${source}`}>
        <CartesianGrid stroke={COLORS.grid} vertical={false} />
        <XAxis dataKey="label" tick={TICK} label={axisLabel('Year', 'x')} />
        <YAxis tick={TICK} width={56} label={axisLabel('USD millions', 'y')} />
        <Tooltip content={YearTooltip} cursor={{ fill: '#f1f3f6' }} />
        <Legend verticalAlign="top" align="right" wrapperStyle={LEGEND_STYLE} itemSorter={null} />
        <Bar dataKey="exact" stackId="usd" name="Reported (high confidence)" fill={COLORS.accent} isAnimationActive={false} />
        {hasApproximate ? (
          <Bar
            dataKey="approximate"
            stackId="usd"
            name="≈ Approximate (medium/low confidence)"
            fill={{ color: COLORS.accent, definition: stripes }}
            stroke={COLORS.accent}
            isAnimationActive={false}
          />
        ) : null}
      </BarChart>
    </ChartBox>
  );
}
