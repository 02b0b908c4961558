// The audit list's URL parameters: parsed with defaults, so any hand-edited link still gives
// a valid query. Pure functions only; the query itself runs against a real database.
import { describe, expect, it } from 'vitest';
import { AUDIT_PAGE_SIZE, auditFilterParams, auditTimeRange, hasAuditFilters, parseAuditListParams } from './queries';
import { likePattern } from '@/lib/db/like-pattern';

describe('parseAuditListParams', () => {
  it('defaults to page 1 and no filter', () => {
    const params = parseAuditListParams({});
    expect(params).toEqual({ page: 1 });
    expect(hasAuditFilters(params)).toBe(false);
    expect(AUDIT_PAGE_SIZE).toBe(50);
  });

  it('reads every filter, trimmed', () => {
    expect(
      parseAuditListParams({ action: 'case.decided', actor: ' cso@ ', q: ' HW-2026-0042 ', from: '2026-01-01', to: '2026-01-31', page: '3' }),
    ).toEqual({ action: 'case.decided', actor: 'cso@', q: 'HW-2026-0042', from: '2026-01-01', to: '2026-01-31', page: 3 });
  });

  it('takes the first of repeated parameters and ignores empty ones', () => {
    expect(parseAuditListParams({ action: ['user.created', 'user.disabled'], actor: '', q: '   ', from: '' })).toEqual({ action: 'user.created', page: 1 });
  });

  it.each([
    ['action', 'DROP TABLE audit_log'],
    ['action', 'case.'],
    ['action', 'x'.repeat(65)],
    ['actor', 'a'.repeat(255)],
    ['q', 'q'.repeat(201)],
    ['from', '2026-13-01'],
    ['from', '2026-02-30'],
    ['to', 'yesterday'],
    ['to', '2026-1-5'],
  ])('drops an invalid %s (%j) instead of failing', (key, value) => {
    expect(parseAuditListParams({ [key]: value, page: '2' })).toEqual({ page: 2 });
  });

  it.each(['0', '-1', '1.5', 'abc', '100001'])('falls back to page 1 for page=%j', (page) => {
    expect(parseAuditListParams({ page }).page).toBe(1);
  });

  it('swaps a backwards date range', () => {
    expect(parseAuditListParams({ from: '2026-03-10', to: '2026-03-01' })).toMatchObject({ from: '2026-03-01', to: '2026-03-10' });
  });

  it('keeps a one-day range', () => {
    expect(parseAuditListParams({ from: '2026-03-10', to: '2026-03-10' })).toMatchObject({ from: '2026-03-10', to: '2026-03-10' });
  });
});

describe('auditTimeRange', () => {
  it('is open on both sides without dates', () => {
    expect(auditTimeRange({})).toEqual({ start: undefined, end: undefined });
  });

  it('runs from the start of `from` to the end of `to`, in UTC', () => {
    const { start, end } = auditTimeRange({ from: '2026-03-01', to: '2026-03-10' });
    expect(start?.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(end?.toISOString()).toBe('2026-03-11T00:00:00.000Z');
  });

  it('crosses month and leap-day boundaries', () => {
    expect(auditTimeRange({ to: '2028-02-28' }).end?.toISOString()).toBe('2028-02-29T00:00:00.000Z');
    expect(auditTimeRange({ to: '2026-12-31' }).end?.toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });
});

describe('auditFilterParams', () => {
  it('keeps the filters for pagination links and leaves the page out', () => {
    const params = parseAuditListParams({ action: 'case.decided', actor: 'cso', page: '4' });
    expect(auditFilterParams(params)).toEqual({ action: 'case.decided', actor: 'cso' });
    expect(hasAuditFilters(params)).toBe(true);
  });

  it('is empty for an unfiltered view on any page', () => {
    expect(auditFilterParams(parseAuditListParams({ page: '7' }))).toEqual({});
  });
});

describe('likePattern', () => {
  it('matches the text anywhere', () => {
    expect(likePattern('cso@')).toBe('%cso@%');
  });

  it('takes the wildcards of what the user typed literally', () => {
    expect(likePattern('100%_done\\')).toBe('%100\\%\\_done\\\\%');
  });
});
