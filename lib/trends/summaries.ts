// The one-paragraph text summary under each chart heading: what a reader should take from
// the chart, in words, for everyone and for screen readers first of all. Built from the same
// aggregates the chart draws.
import { formatCount, formatDays, formatPercent, formatUsdMillions, formatUsdRange } from './figures';
import { formatDay, formatMonth } from './range';
import { peak } from './stats';
import type { DecisionTimes, FundsByYear, IncidentsByRegion, IncidentsByVector, IncidentTotals, LargestIncidents, MonthOutcomes, RegionOutcomes, TopIndicators } from './types';

function incidentsNote(totals: IncidentTotals): string {
  return totals.suspectedLeftOut > 0 ? ` ${formatCount(totals.suspectedLeftOut, 'suspected incident')} left out.` : '';
}

export function summarizeFundsByYear({ source, figures }: FundsByYear): string {
  if (figures.length === 0) return `${source} publishes no yearly figure.`;
  const top = figures.reduce((best, figure) => (figure.usdMillions > best.usdMillions ? figure : best));
  const approximate = figures.filter((figure) => figure.approximate).length;
  const partial = figures.filter((figure) => figure.period !== 'full year').length;
  const span = figures.length === 1 ? `${figures[0].year}` : `${figures[0].year} to ${figures[figures.length - 1].year}`;
  return [
    `${source}: ${formatCount(figures.length, 'yearly figure')}, ${span}.`,
    `Highest: ${top.year}, ${formatUsdMillions(top.usdMillions, top.approximate)}${top.period === 'full year' ? '' : ` (${top.period})`}.`,
    approximate > 0 ? `${approximate} of ${figures.length} are approximate (≈, medium or low confidence).` : '',
    partial > 0 ? `${formatCount(partial, 'figure')} covers less than a full year.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

export function summarizeLargestIncidents({ incidents, totals }: LargestIncidents): string {
  if (incidents.length === 0) return `No public incident in this range.${incidentsNote(totals)}`;
  const [largest] = incidents;
  return (
    `Largest: ${largest.name} (${formatDay(largest.occurredOn)}), ${formatUsdRange(largest.usdMillionsLow, largest.usdMillionsHigh, largest.approximate)}` +
    `${largest.suspected ? ', attribution suspected' : ''}. ` +
    `The ${formatCount(totals.counted, 'incident')} counted in this range total ${formatUsdRange(totals.usdLow, totals.usdHigh)}.` +
    incidentsNote(totals)
  );
}

export function summarizeIncidentsByRegion({ regions, totals }: IncidentsByRegion): string {
  if (regions.length === 0) return `No public incident in this range.${incidentsNote(totals)}`;
  const [top] = regions;
  return (
    `${formatCount(totals.counted, 'incident')} in ${formatCount(regions.length, 'victim region')}. ` +
    `${top.region} lost the most: ${formatUsdRange(top.usdLow, top.usdHigh)} in ${formatCount(top.incidents, 'incident')}.` +
    incidentsNote(totals)
  );
}

export function summarizeIncidentVectors({ vectors, staffIncidents, totals }: IncidentsByVector): string {
  if (vectors.length === 0) return `No public incident in this range.${incidentsNote(totals)}`;
  const low = staffIncidents.reduce((sum, incident) => sum + incident.usdMillionsLow, 0);
  const high = staffIncidents.reduce((sum, incident) => sum + incident.usdMillionsHigh, 0);
  const staff =
    staffIncidents.length === 0
      ? 'None began with the victim’s own staff.'
      : `${staffIncidents.length} of ${totals.counted} began with the victim’s own staff (fake job offers or interviews, social engineering, ` +
        `impersonation, or an IT worker hired under a false identity): ${formatUsdRange(low, high)}.`;
  return `${formatCount(totals.counted, 'incident')} across ${formatCount(vectors.length, 'entry vector')}. ${staff}${incidentsNote(totals)}`;
}

export function summarizeCasesPerMonth(months: readonly MonthOutcomes[]): string {
  const escalated = months.reduce((sum, month) => sum + month.escalated, 0);
  const cleared = months.reduce((sum, month) => sum + month.cleared, 0);
  const underReview = months.reduce((sum, month) => sum + month.underReview, 0);
  const total = escalated + cleared + underReview;
  if (total === 0) return 'No case was submitted in this range.';
  const busiest = peak(months, (month) => month.escalated + month.cleared + month.underReview);
  const busiestText = busiest
    ? ` Busiest month: ${formatMonth(busiest.month)} (${formatCount(busiest.escalated + busiest.cleared + busiest.underReview, 'case')}).`
    : '';
  return `${formatCount(total, 'case')} submitted: ${escalated} escalated, ${cleared} cleared, ${underReview} still under review.${busiestText}`;
}

export function summarizeCasesByRegion(regions: readonly RegionOutcomes[]): string {
  const total = regions.reduce((sum, region) => sum + region.total, 0);
  if (total === 0) return 'No case was submitted in this range.';
  const most = peak(regions, (region) => region.total);
  const mostEscalated = peak(regions, (region) => region.escalated);
  return (
    `${formatCount(total, 'case')} across ${formatCount(regions.filter((region) => region.total > 0).length, 'region')}. ` +
    (most ? `Most cases: ${most.label} (${most.total}).` : '') +
    (mostEscalated ? ` Most escalations: ${mostEscalated.label} (${mostEscalated.escalated}).` : ' No case was escalated.')
  );
}

export function summarizeTopIndicators({ indicators, casesInRange }: TopIndicators): string {
  if (indicators.length === 0) {
    return casesInRange === 0 ? 'No case was submitted in this range.' : `No indicator was recorded on the ${formatCount(casesInRange, 'case')} of this range.`;
  }
  const [top] = indicators;
  return (
    `Most frequent: “${top.title}”, on ${top.cases} of ${formatCount(casesInRange, 'case')} (${formatPercent(top.cases, casesInRange)}). ` +
    `Showing the top ${indicators.length}.`
  );
}

export function summarizeDecisionTimes({ medianDays, decided, awaiting }: DecisionTimes): string {
  if (decided === 0 && awaiting === 0) return 'No case was submitted in this range.';
  const waiting = awaiting > 0 ? ` ${formatCount(awaiting, 'case')} submitted in this range still ${awaiting === 1 ? 'awaits' : 'await'} a decision.` : '';
  if (medianDays === null) return `No case submitted in this range has been decided yet.${waiting}`;
  return `Median time from submission to decision: ${formatDays(medianDays)}, over ${formatCount(decided, 'decided case')}.${waiting}`;
}
