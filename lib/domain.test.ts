import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, CLEARANCE_LABELS, CLEARANCES, clearanceOf, formatReference } from './domain';

describe('clearanceOf', () => {
  it.each([
    ['open', 'under_review'],
    ['investigating', 'under_review'],
    ['pending_decision', 'under_review'],
    ['cleared', 'cleared'],
    ['escalated', 'do_not_proceed'],
  ] as const)('%s → %s', (status, clearance) => {
    expect(clearanceOf(status)).toBe(clearance);
  });

  it('maps every case status to a known clearance', () => {
    expect(CASE_STATUSES.map(clearanceOf)).toEqual([
      'under_review',
      'under_review',
      'under_review',
      'do_not_proceed',
      'cleared',
    ]);
    for (const status of CASE_STATUSES) expect(CLEARANCES).toContain(clearanceOf(status));
  });

  it('labels clearances as a recruiter reads them', () => {
    expect(CLEARANCE_LABELS).toEqual({
      under_review: 'Under review',
      cleared: 'Cleared',
      do_not_proceed: 'Do not proceed',
    });
  });
});

describe('formatReference', () => {
  it.each([
    [2026, 42, 'HW-2026-0042'],
    [2026, 1, 'HW-2026-0001'],
    [2026, 0, 'HW-2026-0000'],
    [2025, 999, 'HW-2025-0999'],
    [2026, 9999, 'HW-2026-9999'],
    [2026, 10000, 'HW-2026-10000'],
    [2027, 123456, 'HW-2027-123456'],
  ])('(%i, %i) → %s', (year, sequence, expected) => {
    expect(formatReference(year, sequence)).toBe(expected);
  });
});
