import { describe, expect, it } from 'vitest';
import { defaultRange, fillMonths, formatDay, formatMonth, formatShortMonth, monthsInRange, parseDay, rangeBounds, resolveRange, startOfMonthBefore } from './range';

const today = new Date('2026-11-25T12:31:00Z');

describe('parseDay', () => {
  it('accepts real calendar days', () => {
    expect(parseDay('2026-03-05')).toBe('2026-03-05');
    expect(parseDay(' 2024-02-29 ')).toBe('2024-02-29');
  });

  it.each(['2026-02-30', '2025-02-29', '2026-13-01', '2026-3-5', '05/03/2026', '', 'yesterday', '2026-03-05T00:00:00Z'])('rejects %j', (value) => {
    expect(parseDay(value)).toBeNull();
  });
});

describe('defaultRange', () => {
  it('covers the last 12 calendar months, this one included', () => {
    expect(defaultRange(today)).toEqual({ from: '2025-12-01', to: '2026-11-25' });
    expect(monthsInRange(defaultRange(today))).toHaveLength(12);
  });

  it('crosses year boundaries', () => {
    expect(defaultRange(new Date('2026-01-31T23:59:00Z'))).toEqual({ from: '2025-02-01', to: '2026-01-31' });
    expect(startOfMonthBefore('2026-03-31', 1)).toBe('2026-02-01');
  });
});

describe('resolveRange', () => {
  it('keeps a valid range', () => {
    expect(resolveRange('2026-01-01', '2026-03-31', today)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
  });

  it('falls back to the default for missing ends', () => {
    expect(resolveRange(null, null, today)).toEqual(defaultRange(today));
    expect(resolveRange('2026-06-01', null, today)).toEqual({ from: '2026-06-01', to: '2026-11-25' });
    expect(resolveRange(null, '2025-06-15', today)).toEqual({ from: '2024-07-01', to: '2025-06-15' });
  });

  it('swaps reversed ends', () => {
    expect(resolveRange('2026-05-01', '2026-02-01', today)).toEqual({ from: '2026-02-01', to: '2026-05-01' });
  });

  it('clamps absurd ranges', () => {
    expect(resolveRange('1900-01-01', '2026-01-01', today).from).toBe('2000-01-01');
    expect(resolveRange('2000-01-01', '2099-02-28', today)).toEqual({ from: '2069-02-28', to: '2099-02-28' });
    expect(resolveRange('1990-01-01', '1995-01-01', today)).toEqual({ from: '2000-01-01', to: '2000-01-01' });
  });
});

describe('rangeBounds', () => {
  it('is half-open over whole UTC days', () => {
    const { start, end } = rangeBounds({ from: '2026-01-01', to: '2026-01-31' });
    expect(start.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(end.toISOString()).toBe('2026-02-01T00:00:00.000Z');
  });
});

describe('monthsInRange', () => {
  it('lists every month the range touches', () => {
    expect(monthsInRange({ from: '2025-11-15', to: '2026-02-03' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsInRange({ from: '2026-03-01', to: '2026-03-31' })).toEqual(['2026-03']);
  });
});

describe('fillMonths', () => {
  it('puts zero rows in the months a query skipped, in order', () => {
    const rows = [
      { month: '2026-03', cases: 4 },
      { month: '2026-01', cases: 2 },
    ];
    expect(fillMonths(['2026-01', '2026-02', '2026-03', '2026-04'], rows, (month) => ({ month, cases: 0 }))).toEqual([
      { month: '2026-01', cases: 2 },
      { month: '2026-02', cases: 0 },
      { month: '2026-03', cases: 4 },
      { month: '2026-04', cases: 0 },
    ]);
  });

  it('drops rows outside the months asked for', () => {
    expect(fillMonths(['2026-01'], [{ month: '2025-12', cases: 9 }], (month) => ({ month, cases: 0 }))).toEqual([{ month: '2026-01', cases: 0 }]);
  });
});

describe('labels', () => {
  it('formats months and days for people', () => {
    expect(formatMonth('2026-03')).toBe('Mar 2026');
    expect(formatShortMonth('2026-12')).toBe('Dec 26');
    expect(formatDay('2026-03-05')).toBe('5 Mar 2026');
  });
});
