// The case list's state lives in the URL (CONVENTIONS.md 3): parsed here with defaults, so
// a shared link reproduces the view and a hand-edited one can never break the query.
import { z } from 'zod';
import { boundedText } from '@/lib/validation/text';
import { CASE_STATUSES, REGIONS, RISK_BANDS } from '@/lib/domain';

export const CASE_SORTS = ['updated', 'risk', 'status', 'name'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];
export const CASE_PAGE_SIZE = 25;

const loose = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

export const caseListParamsSchema = z.object({
  status: loose(z.enum(CASE_STATUSES)),
  band: loose(z.enum(RISK_BANDS)),
  region: loose(z.enum(REGIONS)),
  /** 'me', 'unassigned' or a user id. */
  assignee: loose(z.union([z.literal('me'), z.literal('unassigned'), z.uuid()])),
  q: loose(boundedText('Search', 200).trim()),
  sort: z.enum(CASE_SORTS).catch('updated'),
  dir: z.enum(['asc', 'desc']).catch('desc'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  /**
   * Keyset cursors written by the Previous / Next links: the reference of the row the page
   * starts after (or ends before). Only read on pages after the first; a page number alone
   * still works (lib/cases/list.ts).
   */
  after: loose(z.string().regex(/^HW-\d{4}-\d{4,}$/)),
  before: loose(z.string().regex(/^HW-\d{4}-\d{4,}$/)),
});
export type CaseListParams = z.output<typeof caseListParamsSchema>;

export function parseCaseListParams(raw: Record<string, string | string[] | undefined>): CaseListParams {
  const single = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined]));
  return caseListParamsSchema.parse(single);
}

/** The URL query of a view: defaults left out, so links stay short and canonical. */
export function caseListQuery(params: Partial<CaseListParams>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === '' ) continue;
    // A cursor belongs to the page it leads to; on the first page (a new view) it is dropped.
    if ((key === 'after' || key === 'before') && (params.page ?? 1) <= 1) continue;
    if ((key === 'sort' && value === 'updated') || (key === 'dir' && value === 'desc') || (key === 'page' && value === 1)) continue;
    search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `?${query}` : '';
}
