import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PASSWORD_MESSAGES } from '@/lib/auth/password-policy';
import { createUserSchema, DUPLICATE_EMAIL_MESSAGE, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, twoPersonRuleSchema, userStatusSchema } from './validators';

/** What a form shows: the field errors of a failed parse. */
function fieldErrors(schema: z.ZodType, input: unknown): Record<string, string[] | undefined> {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`expected a failed parse, got ${JSON.stringify(result.data)}`);
  const flat = z.flattenError(result.error);
  expect(flat.formErrors).toEqual([]);
  return flat.fieldErrors as Record<string, string[] | undefined>;
}

describe('createUserSchema', () => {
  const good = { email: '  New.Analyst@Example.ORG ', name: '  Nadia Analyst ', role: 'lead', password: 'correct horse battery' };

  it('trims and lower-cases the email (sign-in lower-cases what it is given) and trims the name', () => {
    expect(createUserSchema.parse(good)).toEqual({ email: 'new.analyst@example.org', name: 'Nadia Analyst', role: 'lead', password: 'correct horse battery' });
  });

  it('keeps the password exactly as typed, spaces included', () => {
    expect(createUserSchema.parse({ ...good, password: '  twelve chars  ' }).password).toBe('  twelve chars  ');
  });

  it('accepts passwords of 12 and of 200 characters', () => {
    expect(createUserSchema.safeParse({ ...good, password: 'xy'.repeat(6) }).success).toBe(true);
    expect(createUserSchema.safeParse({ ...good, password: 'xy'.repeat(100) }).success).toBe(true);
  });

  it('refuses a password that contains the part of the email before the @, in any case', () => {
    expect(fieldErrors(createUserSchema, { ...good, password: 'I am NEW.ANALYST 2026' })).toEqual({
      password: ['The password must not contain the part of the email address before the @.'],
    });
  });

  it('refuses one character repeated, which no list needs to spell out', () => {
    expect(fieldErrors(createUserSchema, { ...good, password: 'x'.repeat(12) })).toEqual({ password: [PASSWORD_MESSAGES.common] });
  });

  it('gives a short password one message, not one per rule', () => {
    expect(fieldErrors(createUserSchema, { ...good, password: 'new.analyst' })).toEqual({ password: ['The password must be at least 12 characters.'] });
  });

  it('shares its limits with the password policy (the form shows them)', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(12);
    expect(MAX_PASSWORD_LENGTH).toBe(200);
  });

  it('refuses a password shorter than 12 or longer than 200 characters', () => {
    expect(fieldErrors(createUserSchema, { ...good, password: 'x'.repeat(11) })).toEqual({ password: ['The password must be at least 12 characters.'] });
    expect(fieldErrors(createUserSchema, { ...good, password: 'x'.repeat(201) })).toEqual({ password: ['The password must be at most 200 characters.'] });
  });

  it('asks for every field of an empty form, one message each', () => {
    expect(fieldErrors(createUserSchema, { email: '', name: '   ', role: '', password: '' })).toEqual({
      email: ['Email is required.'],
      name: ['Name is required.'],
      role: ['Choose a role.'],
      password: ['The password must be at least 12 characters.'],
    });
    expect(fieldErrors(createUserSchema, {})).toEqual({
      email: ['Email is required.'],
      name: ['Name is required.'],
      role: ['Choose a role.'],
      password: ['Set an initial password.'],
    });
  });

  it.each(['not-an-email', 'a@b', 'two words@example.org', '@example.org'])('refuses the email %j', (email) => {
    expect(fieldErrors(createUserSchema, { ...good, email })).toEqual({ email: ['Enter a valid email address.'] });
  });

  it('refuses an email or a name that is too long', () => {
    expect(fieldErrors(createUserSchema, { ...good, email: `${'a'.repeat(250)}@example.org` })).toEqual({ email: ['Email must be at most 254 characters.'] });
    expect(fieldErrors(createUserSchema, { ...good, name: 'n'.repeat(201) })).toEqual({ name: ['Name must be at most 200 characters.'] });
  });

  it.each(['admin', 'cso', 'lead', 'exec', 'recruiter'])('accepts the role %s', (role) => {
    expect(createUserSchema.parse({ ...good, role }).role).toBe(role);
  });

  it('refuses a role outside the matrix', () => {
    expect(fieldErrors(createUserSchema, { ...good, role: 'superuser' })).toEqual({ role: ['Choose a role.'] });
  });

  it('has the duplicate-email message the form shows', () => {
    expect(DUPLICATE_EMAIL_MESSAGE).toBe('A user with this email already exists.');
  });
});

describe('userStatusSchema', () => {
  it('takes a user id', () => {
    const id = '0b6f8a9e-3c1d-4e2f-9a7b-5c6d7e8f9a0b';
    expect(userStatusSchema.parse({ userId: id })).toEqual({ userId: id });
  });

  it.each(['', 'me', "1' or '1'='1"])('refuses %j', (userId) => {
    expect(fieldErrors(userStatusSchema, { userId })).toEqual({ userId: ['Unknown user.'] });
  });
});

describe('twoPersonRuleSchema', () => {
  it('reads on and off as booleans', () => {
    expect(twoPersonRuleSchema.parse({ enabled: 'on' })).toEqual({ enabled: true });
    expect(twoPersonRuleSchema.parse({ enabled: 'off' })).toEqual({ enabled: false });
  });

  it.each(['', 'true', 'yes', undefined])('refuses %j', (enabled) => {
    expect(fieldErrors(twoPersonRuleSchema, { enabled })).toEqual({ enabled: ['Choose on or off.'] });
  });
});
