// zod schemas of the watchlist forms.
import { z } from 'zod';
import { CONFIDENCES, TLP_LEVELS, WATCHLIST_KINDS } from '@/lib/domain';
import { text } from '@/lib/validation/text';
import { normalizeWatchlistValue } from './watchlist-patterns';

export const addWatchlistEntrySchema = z
  .object({
    kind: z.enum(WATCHLIST_KINDS, { error: 'Choose the kind of identifier.' }),
    value: text('Value', 500),
    list: z.enum(['block', 'benign'], { error: 'Choose block or benign.' }),
    source: text('Source', 200),
    confidence: z.enum(CONFIDENCES, { error: 'Choose a confidence.' }),
    tlp: z.enum(TLP_LEVELS, { error: 'Choose a TLP marking.' }).default('amber'),
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

/** The largest import file accepted (CSV or STIX JSON). */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

export const importWatchlistFileSchema = z.object({
  file: z
    .file({ error: 'Choose a file to import.' })
    .min(1, { error: 'The file is empty.' })
    .max(IMPORT_MAX_BYTES, { error: `The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB.` }),
});
export type ImportWatchlistFileInput = z.output<typeof importWatchlistFileSchema>;
