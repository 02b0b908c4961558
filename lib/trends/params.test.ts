import { describe, expect, it } from 'vitest';
import { parseTrendParams, trendsQuery } from './params';

const today = new Date('2026-11-25T12:00:00Z');

describe('parseTrendParams', () => {
  it('defaults to the last 12 months, Chainalysis, suspected incidents left out', () => {
    expect(parseTrendParams({}, today)).toEqual({
      range: { from: '2025-12-01', to: '2026-11-25' },
      source: 'Chainalysis',
      includeSuspected: false,
      invalidDates: false,
      explicitRange: false,
    });
  });

  it('reads every param, the first of repeated ones', () => {
    expect(parseTrendParams({ from: '2024-01-01', to: ['2024-12-31', '2025-01-01'], source: 'TRM Labs', suspected: '1' }, today)).toEqual({
      range: { from: '2024-01-01', to: '2024-12-31' },
      source: 'TRM Labs',
      includeSuspected: true,
      invalidDates: false,
      explicitRange: true,
    });
  });

  it('replaces an unreadable date by the default and says so', () => {
    const params = parseTrendParams({ from: '2026-02-30', to: '2026-11-25' }, today);
    expect(params.range).toEqual({ from: '2025-12-01', to: '2026-11-25' });
    expect(params.invalidDates).toBe(true);
  });

  it('treats empty values as absent', () => {
    expect(parseTrendParams({ from: '', to: '  ', source: '' }, today)).toMatchObject({ invalidDates: false, source: 'Chainalysis' });
  });

  it('only "1" includes suspected incidents', () => {
    expect(parseTrendParams({ suspected: 'yes' }, today).includeSuspected).toBe(false);
    expect(parseTrendParams({ suspected: 'on' }, today).includeSuspected).toBe(false);
  });
});

describe('trendsQuery', () => {
  it('leaves defaults out', () => {
    expect(trendsQuery(parseTrendParams({}, today), today)).toBe('');
  });

  it('round-trips a view', () => {
    const raw = { from: '2019-01-01', to: '2025-12-31', source: 'UN Panel of Experts', suspected: '1' };
    const query = trendsQuery(parseTrendParams(raw, today), today);
    expect(query).toBe('?from=2019-01-01&to=2025-12-31&source=UN+Panel+of+Experts&suspected=1');
    expect(parseTrendParams(Object.fromEntries(new URLSearchParams(query)), today)).toEqual(parseTrendParams(raw, today));
  });
});
