// zod schemas of the user-administration forms: one place for limits and messages.
import { z } from 'zod';
import { containsEmailLocalPart, isSingleRepeatedCharacter, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, PASSWORD_MESSAGES } from '@/lib/auth/password-policy';
import { ROLES } from '@/lib/domain';
import { text } from '@/lib/validation/text';

// The create-user form imports these into the browser, so this file stays free of Node
// imports: the common-password list (read from a file) is checked by createUser on the server.
export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH };
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

export const createUserSchema = z
  .object({
    email,
    name: text('Name', 200),
    role: z.enum(ROLES, { error: 'Choose a role.' }),
    // Not trimmed: every character the administrator typed is part of the password.
    password: z
      .string({ error: 'Set an initial password.' })
      .min(MIN_PASSWORD_LENGTH, { error: PASSWORD_MESSAGES.tooShort })
      .max(MAX_PASSWORD_LENGTH, { error: PASSWORD_MESSAGES.tooLong }),
  })
  // The rest of the password policy (lib/auth/password-policy.ts) that needs no list. `when`:
  // only once every field parsed, so a short password or a bad email gets one message, not three.
  .superRefine(
    (input, context) => {
      if (containsEmailLocalPart(input.password, input.email)) {
        context.addIssue({ code: 'custom', path: ['password'], message: PASSWORD_MESSAGES.containsEmail });
      }
      if (isSingleRepeatedCharacter(input.password)) {
        context.addIssue({ code: 'custom', path: ['password'], message: PASSWORD_MESSAGES.common });
      }
    },
    { when: (payload) => payload.issues.length === 0 },
  );
export type CreateUserInput = z.output<typeof createUserSchema>;

export const userStatusSchema = z.object({
  userId: z.uuid({ error: 'Unknown user.' }),
});
export type UserStatusInput = z.output<typeof userStatusSchema>;

export const twoPersonRuleSchema = z.object({
  enabled: z.enum(['on', 'off'], { error: 'Choose on or off.' }).transform((value) => value === 'on'),
});
export type TwoPersonRuleInput = z.output<typeof twoPersonRuleSchema>;
