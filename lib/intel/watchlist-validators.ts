// zod schemas of the watchlist forms.
import { z } from 'zod';
import { CONFIDENCES, WATCHLIST_KINDS } from '@/lib/domain';
import { normalizeWatchlistValue } from './watchlist-patterns';

export const addWatchlistEntrySchema = z
  .object({
    kind: z.enum(WATCHLIST_KINDS, { error: 'Choose the kind of identifier.' }),
    value: z.string().trim().min(1, { error: 'Value is required.', abort: true }).max(500, { error: 'Value must be at most 500 characters.' }),
    list: z.enum(['block', 'benign'], { error: 'Choose block or benign.' }),
    source: z.string().trim().min(1, { error: 'Say where this came from.', abort: true }).max(200, { error: 'Source must be at most 200 characters.' }),
    confidence: z.enum(CONFIDENCES, { error: 'Choose a confidence.' }),
    expiresOn: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || undefined)
      .pipe(
        z.iso
          .date({ error: 'Give a date, or leave empty for no expiry.' })
          .refine((d) => d > new Date().toISOString().slice(0, 10), { error: 'The expiry must be in the future.' })
          .optional(),
      ),
  })
  .superRefine((v, ctx) => {
    const normalized = normalizeWatchlistValue(v.kind, v.value);
    if (!normalized.ok) ctx.addIssue({ code: 'custom', path: ['value'], message: normalized.error });
  });
export type AddWatchlistEntryInput = z.output<typeof addWatchlistEntrySchema>;

export const watchlistEntryActionSchema = z.object({
  id: z.uuid({ error: 'Unknown watchlist entry.' }),
});
