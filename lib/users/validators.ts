// zod schemas of the user-administration forms: one place for limits and messages.
import { z } from 'zod';
import { ROLES } from '@/lib/domain';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;
export const DUPLICATE_EMAIL_MESSAGE = 'A user with this email already exists.';

// Stored lower-case: sign-in lower-cases what it is given (lib/auth/auth.ts), so a mixed-case
// address would never match.
const email = z
  .string({ error: 'Email is required.' })
  .trim()
  .toLowerCase()
  .min(1, { error: 'Email is required.' })
  .max(254, { error: 'Email must be at most 254 characters.' })
  .pipe(z.email({ error: 'Enter a valid email address.' }));

export const createUserSchema = z.object({
  email,
  name: z
    .string({ error: 'Name is required.' })
    .trim()
    .min(1, { error: 'Name is required.' })
    .max(200, { error: 'Name must be at most 200 characters.' }),
  role: z.enum(ROLES, { error: 'Choose a role.' }),
  // Not trimmed: every character the administrator typed is part of the password.
  password: z
    .string({ error: 'Set an initial password.' })
    .min(MIN_PASSWORD_LENGTH, { error: `The password must be at least ${MIN_PASSWORD_LENGTH} characters.` })
    .max(MAX_PASSWORD_LENGTH, { error: `The password must be at most ${MAX_PASSWORD_LENGTH} characters.` }),
});
export type CreateUserInput = z.output<typeof createUserSchema>;

export const userStatusSchema = z.object({
  userId: z.uuid({ error: 'Unknown user.' }),
});
export type UserStatusInput = z.output<typeof userStatusSchema>;

export const twoPersonRuleSchema = z.object({
  enabled: z.enum(['on', 'off'], { error: 'Choose on or off.' }).transform((value) => value === 'on'),
});
export type TwoPersonRuleInput = z.output<typeof twoPersonRuleSchema>;
