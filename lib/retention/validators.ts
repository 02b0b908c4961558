import { z } from 'zod';
import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS } from '@/lib/settings';

export const retentionDaysSchema = z.object({
  days: z.coerce
    .number({ error: 'Give a number of days.' })
    .int({ error: 'Give a whole number of days.' })
    .min(MIN_RETENTION_DAYS, { error: `At least ${MIN_RETENTION_DAYS} days.` })
    .max(MAX_RETENTION_DAYS, { error: `At most ${MAX_RETENTION_DAYS} days (ten years).` }),
});

/** The erasure button: `confirm` must be typed, so a stray click erases nothing. */
export const runRetentionSchema = z.object({
  confirm: z.literal('erase', { error: 'Type "erase" to confirm.' }),
});

export type RetentionDaysInput = z.output<typeof retentionDaysSchema>;
