'use client';
// The three outcomes every company chart stacks, in one order and one set of colours.
import { Bar } from 'recharts';
import { COLORS } from './palette';

export const OUTCOME_SERIES = [
  { key: 'escalated', name: 'Escalated', color: COLORS.escalated },
  { key: 'cleared', name: 'Cleared', color: COLORS.cleared },
  { key: 'underReview', name: 'Under review', color: COLORS.underReview },
] as const;

export function outcomeBars() {
  return OUTCOME_SERIES.map((series) => (
    <Bar key={series.key} dataKey={series.key} stackId="outcome" name={series.name} fill={series.color} isAnimationActive={false} />
  ));
}
