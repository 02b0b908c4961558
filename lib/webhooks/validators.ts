// zod schemas of the webhook forms (admin).
import { z } from 'zod';
import { WEBHOOK_EVENTS } from '@/lib/domain';
import { hasControlCharacters, text } from '@/lib/validation/text';
import { checkWebhookUrl } from './url';

export const createWebhookSchema = z.object({
  name: text('Name', 100),
  url: z
    .string()
    .trim()
    .min(1, { error: 'The URL is required.', abort: true })
    .max(2000, { error: 'At most 2,000 characters.', abort: true })
    .refine((url) => !hasControlCharacters(url), { error: 'The URL contains control characters; remove them.', abort: true })
    .superRefine((url, ctx) => {
      const checked = checkWebhookUrl(url);
      if (!checked.ok) ctx.addIssue({ code: 'custom', message: checked.error });
    }),
  // Empty: Hirewatch generates one and shows it once.
  secret: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined)
    .pipe(z.string().min(16, { error: 'A secret of at least 16 characters, or leave empty to generate one.' }).max(200).optional()),
  events: z
    .union([z.enum(WEBHOOK_EVENTS), z.array(z.enum(WEBHOOK_EVENTS))], { error: 'Choose at least one event.' })
    .transform((v) => (Array.isArray(v) ? v : [v])),
});
export type CreateWebhookInput = z.output<typeof createWebhookSchema>;

export const webhookIdSchema = z.object({ id: z.uuid({ error: 'Unknown webhook endpoint.' }) });

export const setWebhookEnabledSchema = webhookIdSchema.extend({ enabled: z.enum(['true', 'false']).transform((v) => v === 'true') });
