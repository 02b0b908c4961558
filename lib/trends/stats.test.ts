import { describe, expect, it } from 'vitest';
import { median, peak } from './stats';

describe('median', () => {
  it('takes the middle value of an odd count', () => {
    expect(median([9, 1, 5])).toBe(5);
  });

  it('averages the two middle values of an even count', () => {
    expect(median([4, 1, 10, 2])).toBe(3);
  });

  it('is null for no values and ignores non-finite ones', () => {
    expect(median([])).toBeNull();
    expect(median([Number.NaN, 2, Number.POSITIVE_INFINITY])).toBe(2);
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('peak', () => {
  it('returns the first row with the largest value', () => {
    expect(peak([{ k: 'a', v: 2 }, { k: 'b', v: 5 }, { k: 'c', v: 5 }], (row) => row.v)).toEqual({ k: 'b', v: 5 });
  });

  it('is null when every value is zero', () => {
    expect(peak([{ v: 0 }], (row) => row.v)).toBeNull();
    expect(peak([], () => 1)).toBeNull();
  });
});
