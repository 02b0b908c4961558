import { describe, expect, it } from 'vitest';

/** The formatters keep figures on one line with non-breaking spaces; compare with plain ones. */
const plain = (text: string) => text.replaceAll('\u00a0', ' ');
import {
  summarizeCasesByRegion,
  summarizeCasesPerMonth,
  summarizeDecisionTimes,
  summarizeFundsByYear,
  summarizeIncidentsByRegion,
  summarizeIncidentVectors,
  summarizeLargestIncidents,
  summarizeTopIndicators,
} from './summaries';
import type { PublicIncident, RegionOutcomes } from './types';

const incident = (patch: Partial<PublicIncident>): PublicIncident => ({
  id: 'x',
  name: 'Bybit',
  occurredOn: '2025-02-21',
  usdMillionsLow: 1460,
  usdMillionsHigh: 1500,
  victimCountry: 'United Arab Emirates',
  region: 'Middle East',
  vector: 'supply_chain',
  vectorDetail: '',
  attribution: 'FBI',
  confidence: 'high',
  suspected: false,
  approximate: false,
  ...patch,
});
const noTotals = { counted: 0, usdLow: 0, usdHigh: 0, suspectedLeftOut: 0 };

describe('public record summaries', () => {
  it('names the source, the highest year and how many figures are approximate', () => {
    const text = summarizeFundsByYear({
      sources: ['Chainalysis'],
      source: 'Chainalysis',
      figures: [
        { year: 2021, period: 'full year', usdMillions: 395, incidents: 7, basis: '', confidence: 'medium', approximate: true },
        { year: 2024, period: 'full year', usdMillions: 1340, incidents: 47, basis: '', confidence: 'high', approximate: false },
      ],
    });
    expect(plain(text)).toBe('Chainalysis: 2 yearly figures, 2021 to 2024. Highest: 2024, $1,340 M. 1 of 2 are approximate (≈, medium or low confidence).');
  });

  it('marks an approximate, partial-year highest figure', () => {
    const text = summarizeFundsByYear({
      sources: ['TRM Labs'],
      source: 'TRM Labs',
      figures: [{ year: 2025, period: 'first half', usdMillions: 1600, incidents: null, basis: '', confidence: 'medium', approximate: true }],
    });
    expect(plain(text)).toContain('Highest: 2025, ≈ $1,600 M (first half).');
    expect(plain(text)).toContain('1 figure covers less than a full year.');
  });

  it('quotes the largest incident and the totals, saying what was left out', () => {
    const text = summarizeLargestIncidents({
      incidents: [incident({})],
      totals: { counted: 16, usdLow: 3127.345, usdHigh: 3304.845, suspectedLeftOut: 5 },
    });
    expect(plain(text)).toBe(
      'Largest: Bybit (21 Feb 2025), $1,460–1,500 M. The 16 incidents counted in this range total $3,127.3–3,304.8 M. 5 suspected incidents left out.',
    );
  });

  it('labels a suspected largest incident', () => {
    const text = summarizeLargestIncidents({ incidents: [incident({ suspected: true })], totals: { ...noTotals, counted: 1 } });
    expect(plain(text)).toContain('attribution suspected');
  });

  it('says when a range holds no incident', () => {
    expect(summarizeLargestIncidents({ incidents: [], totals: { ...noTotals, suspectedLeftOut: 1 } })).toBe(
      'No public incident in this range. 1 suspected incident left out.',
    );
    expect(summarizeIncidentsByRegion({ regions: [], totals: noTotals })).toBe('No public incident in this range.');
  });

  it('names the region that lost the most', () => {
    const text = summarizeIncidentsByRegion({
      regions: [{ region: 'Middle East', incidents: 2, usdLow: 1476.13, usdHigh: 1516.13, suspected: 0 }],
      totals: { ...noTotals, counted: 2 },
    });
    expect(plain(text)).toBe('2 incidents in 1 victim region. Middle East lost the most: $1,476.1–1,516.1 M in 2 incidents.');
  });

  it('counts the incidents that began with the victim’s staff', () => {
    const text = summarizeIncidentVectors({
      vectors: [{ vector: 'fake_job_offer', label: 'Fake job offer / interview', group: 'staff_targeted', incidents: 1, usdLow: 620, usdHigh: 625 }],
      staffIncidents: [incident({ vector: 'fake_job_offer', usdMillionsLow: 620, usdMillionsHigh: 625 })],
      totals: { ...noTotals, counted: 3 },
    });
    expect(plain(text)).toContain('1 of 3 began with the victim’s own staff');
    expect(plain(text)).toContain('$620–625 M');
  });
});

describe('company summaries', () => {
  it('totals cases per outcome and names the busiest month', () => {
    const text = summarizeCasesPerMonth([
      { month: '2026-01', escalated: 1, cleared: 2, underReview: 0 },
      { month: '2026-02', escalated: 0, cleared: 1, underReview: 4 },
    ]);
    expect(plain(text)).toBe('8 cases submitted: 1 escalated, 3 cleared, 4 still under review. Busiest month: Feb 2026 (5 cases).');
    expect(summarizeCasesPerMonth([{ month: '2026-01', escalated: 0, cleared: 0, underReview: 0 }])).toBe('No case was submitted in this range.');
  });

  it('names the regions with the most cases and escalations', () => {
    const region = (code: RegionOutcomes['region'], label: string, escalated: number, total: number): RegionOutcomes => ({
      region: code,
      label,
      escalated,
      cleared: 0,
      underReview: total - escalated,
      total,
    });
    expect(summarizeCasesByRegion([region('NA', 'North America', 0, 5), region('EU', 'Europe', 2, 3), region('UK', 'United Kingdom', 0, 0)])).toBe(
      '8 cases across 2 regions. Most cases: North America (5). Most escalations: Europe (2).',
    );
    expect(summarizeCasesByRegion([region('NA', 'North America', 0, 1)])).toContain('No case was escalated.');
  });

  it('quotes the most frequent indicator with its share', () => {
    expect(
      summarizeTopIndicators({
        indicators: [{ code: 'voip_phone', title: 'VoIP phone number', category: 'identity', severity: 'medium', cases: 4 }],
        casesInRange: 60,
      }),
    ).toBe('Most frequent: “VoIP phone number”, on 4 of 60 cases (7%). Showing the top 1.');
    expect(summarizeTopIndicators({ indicators: [], casesInRange: 0 })).toBe('No case was submitted in this range.');
    expect(summarizeTopIndicators({ indicators: [], casesInRange: 3 })).toBe('No indicator was recorded on the 3 cases of this range.');
  });

  it('gives the median decision time and what still waits', () => {
    expect(summarizeDecisionTimes({ medianDays: 13.03, decided: 23, awaiting: 37, months: [] })).toBe(
      'Median time from submission to decision: 13 days, over 23 decided cases. 37 cases submitted in this range still await a decision.',
    );
    expect(summarizeDecisionTimes({ medianDays: null, decided: 0, awaiting: 0, months: [] })).toBe('No case was submitted in this range.');
    expect(summarizeDecisionTimes({ medianDays: null, decided: 0, awaiting: 1, months: [] })).toBe(
      'No case submitted in this range has been decided yet. 1 case submitted in this range still awaits a decision.',
    );
  });
});
