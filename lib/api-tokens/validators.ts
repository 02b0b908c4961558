// zod schemas of the API-token forms (admin page and CLI).
import { z } from 'zod';

/** A token acts as a recruiter (submit, own clearances) or a lead (read cases, watchlist); never more. */
export const TOKEN_ROLES = ['recruiter', 'lead'] as const;
export type TokenRole = (typeof TOKEN_ROLES)[number];

export const createTokenSchema = z.object({
  name: z
    .string({ error: 'Name the token (e.g. the ATS it is for).' })
    .trim()
    .min(1, { error: 'Name the token (e.g. the ATS it is for).' })
    .max(80, { error: 'Name must be at most 80 characters.' })
    .regex(/^[\w .:@-]+$/, { error: 'Use letters, digits, spaces and . _ : @ - only.' }),
  role: z.enum(TOKEN_ROLES, { error: 'Choose recruiter or lead.' }),
  // A date from <input type="date">: the token works until the end of that day (UTC).
  expiresOn: z
    .string()
    .trim()
    .optional()
    .transform((value, context) => {
      if (!value) return null;
      const at = new Date(`${value}T23:59:59.999Z`);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(at.getTime())) {
        context.addIssue({ code: 'custom', message: 'Enter a date as YYYY-MM-DD.' });
        return z.NEVER;
      }
      if (at.getTime() <= Date.now()) {
        context.addIssue({ code: 'custom', message: 'The expiry must be in the future.' });
        return z.NEVER;
      }
      return at;
    }),
});
export type CreateTokenInput = z.output<typeof createTokenSchema>;

export const revokeTokenSchema = z.object({ tokenId: z.uuid({ error: 'Unknown token.' }) });
export type RevokeTokenInput = z.output<typeof revokeTokenSchema>;
