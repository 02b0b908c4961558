// The trends page's state lives in the URL (CONVENTIONS.md 3): date range, source of the
// yearly figures, whether suspected incidents count. Parsed here with defaults, so a shared
// link reproduces the view and a hand-edited one can never break a query.
import { z } from 'zod';
import { defaultRange, parseDay, resolveRange, type DateRange } from './range';

export const DEFAULT_SOURCE = 'Chainalysis';

export interface TrendParams {
  range: DateRange;
  /** The yearly-totals source asked for; the query falls back to the default if unknown. */
  source: string;
  /** Count incidents whose attribution is only suspected (left out by default). */
  includeSuspected: boolean;
  /** A date in the URL could not be read and was replaced by the default. */
  invalidDates: boolean;
  /** The user chose the range; without one the public record is shown whole. */
  explicitRange: boolean;
}

type RawParams = Record<string, string | string[] | undefined>;

const daySchema = z.string().transform((value, ctx) => {
  const parsed = parseDay(value);
  if (parsed === null) {
    ctx.addIssue({ code: 'custom', message: 'Not a calendar day in YYYY-MM-DD form' });
    return z.NEVER;
  }
  return parsed;
});
const sourceSchema = z.string().trim().min(1).max(100).catch(DEFAULT_SOURCE);
const suspectedSchema = z.literal('1').optional().catch(undefined);

function firstValue(value: string | string[] | undefined): string | undefined {
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
}

/** A day param: absent → null; present but unreadable → 'invalid'. */
function readDay(value: string | undefined): string | null | 'invalid' {
  if (value === undefined) return null;
  const result = daySchema.safeParse(value);
  return result.success ? result.data : 'invalid';
}

export function parseTrendParams(raw: RawParams, today = new Date()): TrendParams {
  const from = readDay(firstValue(raw.from));
  const to = readDay(firstValue(raw.to));
  return {
    range: resolveRange(from === 'invalid' ? null : from, to === 'invalid' ? null : to, today),
    source: sourceSchema.parse(firstValue(raw.source)),
    includeSuspected: suspectedSchema.parse(firstValue(raw.suspected)) === '1',
    invalidDates: from === 'invalid' || to === 'invalid',
    explicitRange: (from !== null && from !== 'invalid') || (to !== null && to !== 'invalid'),
  };
}

/**
 * The query string of a view (with its leading '?', or '' for the default view). Defaults
 * are left out so links stay short; the range is always written unless it is the default.
 */
export function trendsQuery(params: Omit<TrendParams, 'invalidDates' | 'explicitRange'>, today = new Date()): string {
  const search = new URLSearchParams();
  const fallback = defaultRange(today);
  if (params.range.from !== fallback.from || params.range.to !== fallback.to) {
    search.set('from', params.range.from);
    search.set('to', params.range.to);
  }
  if (params.source !== DEFAULT_SOURCE) search.set('source', params.source);
  if (params.includeSuspected) search.set('suspected', '1');
  const query = search.toString();
  return query ? `?${query}` : '';
}
