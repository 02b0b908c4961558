// Text fields as every form and API record takes them: trimmed, bounded, and free of control
// characters. PostgreSQL cannot store a NUL at all (the write would fail as a server error),
// and the other control characters are never typed by a person: they are refused with a
// message instead of reaching the database. Tab, line feed and carriage return stay.
import { z } from 'zod';

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export function hasControlCharacters(value: string): boolean {
  return CONTROL_CHARACTERS.test(value);
}

/** A required text field of at most `max` characters. */
export const text = (label: string, max: number) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, { error: `${label} is required.`, abort: true })
    .max(max, { error: `${label} must be at most ${max} characters.` })
    .refine((v) => !hasControlCharacters(v), { error: `${label} contains control characters; remove them.` });

/** An optional text field: absent becomes ''. */
export const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label} must be at most ${max} characters.` })
    .refine((v) => !hasControlCharacters(v), { error: `${label} contains control characters; remove them.` })
    .optional()
    .transform((v) => v ?? '');

/** A bounded text without the required/optional wrapping (long free text, search boxes). */
export const boundedText = (label: string, max: number) =>
  z
    .string()
    .max(max, { error: `${label} must be at most ${max} characters.` })
    .refine((v) => !hasControlCharacters(v), { error: `${label} contains control characters; remove them.` });
