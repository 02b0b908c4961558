// The password policy, after NIST SP 800-63B: length over complexity (no "one digit, one
// symbol" rules, which breed Password1!), a ceiling generous enough for passphrases, and a
// refusal of passwords attackers try first. Pure functions with no Node import: the
// create-user form imports the limits into the browser bundle. The list of common passwords
// is loaded on the server only (common-passwords.ts).

export const MIN_PASSWORD_LENGTH = 12;
/** Generous for passphrases and password managers, small enough to keep argon2 input bounded. */
export const MAX_PASSWORD_LENGTH = 200;
/** A local part shorter than this ("al@…") would refuse too many innocent passwords. */
export const MIN_LOCAL_PART_TO_CHECK = 3;

export const PASSWORD_MESSAGES = {
  tooShort: `The password must be at least ${MIN_PASSWORD_LENGTH} characters.`,
  tooLong: `The password must be at most ${MAX_PASSWORD_LENGTH} characters.`,
  containsEmail: 'The password must not contain the part of the email address before the @.',
  common: 'This password is on the list of common passwords attackers try first. Choose a longer, less predictable one, such as a few unrelated words.',
} as const;

// Leetspeak: "P@ssw0rd" is "password" to anyone guessing.
const LEET: Record<string, string> = { '@': 'a', '4': 'a', '8': 'b', '3': 'e', '1': 'i', '!': 'i', '0': 'o', $: 's', '5': 's', '7': 't', '+': 't' };

/**
 * The forms a password is compared to the common list in, all lower-case: as typed; without
 * the digits and symbols stuck to either end ("Summer2024!" → "summer", "!!qwerty123" →
 * "qwerty"); and with leetspeak undone in the core ("P@ssw0rd#1" → "password").
 */
export function commonPasswordCandidates(password: string): string[] {
  const lower = password.normalize('NFKC').toLowerCase();
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  const unleet = core.replace(/[@483105$7+!]/g, (c) => LEET[c] ?? c);
  return [...new Set([lower, core, unleet].filter((candidate) => candidate.length > 0))];
}

/** One character over and over ("aaaaaaaaaaaa"), which no list needs to spell out. */
export function isSingleRepeatedCharacter(password: string): boolean {
  const chars = [...password];
  return chars.length > 0 && chars.every((c) => c === chars[0]);
}

export function isCommonPassword(password: string, commonPasswords: ReadonlySet<string>): boolean {
  return isSingleRepeatedCharacter(password) || commonPasswordCandidates(password).some((candidate) => commonPasswords.has(candidate));
}

/** The part of an email before the @, lower-cased. */
export function emailLocalPart(email: string): string {
  const at = email.lastIndexOf('@');
  return (at >= 0 ? email.slice(0, at) : email).trim().toLowerCase();
}

export function containsEmailLocalPart(password: string, email: string): boolean {
  const local = emailLocalPart(email);
  return local.length >= MIN_LOCAL_PART_TO_CHECK && password.toLowerCase().includes(local);
}

/**
 * Every rule the password breaks, as messages for the password field (empty when it is fine).
 * Pass the common list on the server; without it the rules that need no list still apply.
 */
export function passwordProblems(password: string, context: { email?: string; commonPasswords?: ReadonlySet<string> } = {}): string[] {
  // UTF-16 length, as zod's .min/.max and the sign-in schema count it.
  const length = password.length;
  if (length < MIN_PASSWORD_LENGTH) return [PASSWORD_MESSAGES.tooShort];
  if (length > MAX_PASSWORD_LENGTH) return [PASSWORD_MESSAGES.tooLong];
  const problems: string[] = [];
  if (context.email && containsEmailLocalPart(password, context.email)) problems.push(PASSWORD_MESSAGES.containsEmail);
  if (isSingleRepeatedCharacter(password) || (context.commonPasswords && isCommonPassword(password, context.commonPasswords))) {
    problems.push(PASSWORD_MESSAGES.common);
  }
  return problems;
}
