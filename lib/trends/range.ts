// The date range of the trends page and the calendar months inside it. Dates are calendar
// days in UTC ('YYYY-MM-DD'), both ends inclusive, so a shared link means the same days to
// every viewer whatever their time zone.

export interface DateRange {
  /** First day, inclusive. */
  from: string;
  /** Last day, inclusive. */
  to: string;
}

/** Earliest day the filter accepts: before any public figure and any case. */
export const EARLIEST_DAY = '2000-01-01';
const MAX_YEARS = 30;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day if `value` is a real calendar day in YYYY-MM-DD form (2026-02-30 is not), else null. */
export function parseDay(value: string): string | null {
  const match = ISO_DAY.exec(value.trim());
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return toDay(date);
}

export function toDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The 1st of the month `monthsBack` months before the month of `day`. */
export function startOfMonthBefore(day: string, monthsBack: number): string {
  const [year, month] = day.split('-').map(Number);
  return toDay(new Date(Date.UTC(year, month - 1 - monthsBack, 1)));
}

/**
 * The default view: the last 12 calendar months, this one included, so each monthly bucket
 * is a whole month except the current one.
 */
export function defaultRange(today: Date): DateRange {
  const to = toDay(today);
  return { from: startOfMonthBefore(to, 11), to };
}

/**
 * A range from untrusted `from`/`to` days: a missing end falls back to the default, reversed
 * ends are swapped, and the range is kept within EARLIEST_DAY and 30 years so that a
 * hand-edited link can never ask for an absurd number of months.
 */
export function resolveRange(from: string | null, to: string | null, today: Date): DateRange {
  const fallback = defaultRange(today);
  let end = to ?? fallback.to;
  let start = from ?? (to ? startOfMonthBefore(to, 11) : fallback.from);
  if (start > end) [start, end] = [end, start];
  if (start < EARLIEST_DAY) start = EARLIEST_DAY;
  if (end < EARLIEST_DAY) end = EARLIEST_DAY;
  const [year, month, day] = end.split('-').map(Number);
  const oldestStart = toDay(new Date(Date.UTC(year - MAX_YEARS, month - 1, day)));
  if (start < oldestStart) start = oldestStart;
  return { from: start, to: end };
}

/** Half-open timestamps [start, end) covering the range's days in UTC, for timestamp columns. */
export function rangeBounds(range: DateRange): { start: Date; end: Date } {
  const start = new Date(`${range.from}T00:00:00.000Z`);
  const end = new Date(`${range.to}T00:00:00.000Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  return { start, end };
}

/** Every month ('YYYY-MM') that the range touches, in order. */
export function monthsInRange(range: DateRange): string[] {
  const [fromYear, fromMonth] = range.from.split('-').map(Number);
  const [toYear, toMonth] = range.to.split('-').map(Number);
  const months: string[] = [];
  for (let index = fromYear * 12 + fromMonth - 1; index <= toYear * 12 + toMonth - 1; index++) {
    months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return months;
}

/**
 * One row per month of `months`, in order: the row the query returned for that month, or
 * `empty(month)` where the month had nothing (a chart must show a quiet month as zero, not
 * skip it and draw two distant months side by side).
 */
export function fillMonths<T extends { month: string }>(months: readonly string[], rows: readonly T[], empty: (month: string) => T): T[] {
  const byMonth = new Map(rows.map((row) => [row.month, row]));
  return months.map((month) => byMonth.get(month) ?? empty(month));
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** '2026-03' → 'Mar 2026'. */
export function formatMonth(month: string): string {
  const [year, index] = month.split('-').map(Number);
  return `${MONTH_NAMES[index - 1]} ${year}`;
}

/** '2026-03' → 'Mar 26', for crowded axis ticks. */
export function formatShortMonth(month: string): string {
  const [year, index] = month.split('-').map(Number);
  return `${MONTH_NAMES[index - 1]} ${String(year).slice(2)}`;
}

/** '2026-03-05' → '5 Mar 2026'. */
export function formatDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return `${date} ${MONTH_NAMES[month - 1]} ${year}`;
}
