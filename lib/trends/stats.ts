// Small statistics the charts need, kept pure so they are tested directly.

/** The median (average of the two middle values for an even count), or null for no values. */
export function median(values: readonly number[]): number | null {
  const finite = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (finite.length === 0) return null;
  const middle = Math.floor(finite.length / 2);
  return finite.length % 2 === 1 ? finite[middle] : (finite[middle - 1] + finite[middle]) / 2;
}

/** The key with the largest value (first one on a tie), or null if every value is zero. */
export function peak<T>(rows: readonly T[], value: (row: T) => number): T | null {
  let best: T | null = null;
  for (const row of rows) if (value(row) > 0 && (best === null || value(row) > value(best))) best = row;
  return best;
}
