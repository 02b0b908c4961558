// zod schemas of the watchlist forms.
import { z } from 'zod';
import { CONFIDENCES, IDENTIFIER_KINDS } from '@/lib/domain';
import { text } from '@/lib/validation/text';
import { normalizeIdentifier } from './normalize';

export const addWatchlistEntrySchema = z
  .object({
    kind: z.enum(IDENTIFIER_KINDS, { error: 'Choose the kind of identifier.' }),
    value: text('Value', 500),
    list: z.enum(['block', 'benign'], { error: 'Choose block or benign.' }),
    source: text('Source', 200),
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
    const normalized = normalizeIdentifier(v.kind, v.value);
    if (!normalized.ok) ctx.addIssue({ code: 'custom', path: ['value'], message: normalized.error });
  });
export type AddWatchlistEntryInput = z.output<typeof addWatchlistEntrySchema>;

export const watchlistEntryActionSchema = z.object({
  id: z.uuid({ error: 'Unknown watchlist entry.' }),
});
