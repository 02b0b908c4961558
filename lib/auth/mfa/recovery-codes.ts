// One-time recovery codes: for the day the phone is lost. Each is 16 characters from a
// 32-symbol alphabet without look-alikes (no 0/O, 1/I): 80 random bits, far beyond guessing
// within the sign-in throttle, and beyond brute-forcing a leaked SHA-256, so a fast hash is
// enough (argon2 is for low-entropy passwords). The user id salts each hash, so equal codes of
// two users never share a hash. Shown once, in groups of four: ABCD-EFGH-JKLM-NPQR.
import { createHash, randomInt } from 'node:crypto';

export const RECOVERY_CODE_COUNT = 10;
/** 32 symbols (5 bits each): A–Z without I and O, digits 2–9 (no 0 or 1). */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 16;

function randomCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return code.match(/.{4}/g)!.join('-');
}

/** Fresh codes, formatted for display. */
export function generateRecoveryCodes(count: number = RECOVERY_CODE_COUNT): string[] {
  const codes = new Set<string>();
  while (codes.size < count) codes.add(randomCode());
  return [...codes];
}

/** The code as typed, upper-cased without spaces and hyphens; null when it cannot be one. */
export function normalizeRecoveryCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]+/g, '');
  if (compact.length !== CODE_LENGTH) return null;
  for (const char of compact) if (!ALPHABET.includes(char)) return null;
  return compact;
}

/** What is stored: SHA-256 over the user id and the normalized code, hex. */
export function hashRecoveryCode(userId: string, normalizedCode: string): string {
  return createHash('sha256').update(`${userId}:${normalizedCode}`).digest('hex');
}
