// Chart colours, from the design tokens of app/globals.css (SVG fills cannot read CSS
// variables through recharts' tooltip and legend, so the values are repeated here once).
export const COLORS = {
  accent: '#2450b8',
  escalated: '#b42318',
  cleared: '#157347',
  underReview: '#8793a8',
  suspected: '#a15c07',
  staff: '#6a3fb5',
  insider: '#b42318',
  other: '#8793a8',
  grid: '#e3e7ed',
  axis: '#5b6576',
  severity: { critical: '#7a1a12', high: '#b42318', medium: '#a15c07', low: '#8793a8' },
} as const;

/** Height of every chart's plot area: fixed, so the page does not jump when charts mount. */
export const CHART_HEIGHT = 260;

/** Height of a horizontal bar chart of `rows` bars: room for two-line category labels. */
export function barListHeight(rows: number): number {
  return Math.max(200, 70 + rows * 32);
}
