// API token secrets: 32 random bytes behind a recognizable prefix (`hw_`), so secret scanners
// and people can tell a leaked Hirewatch token at a glance. Only the SHA-256 of the secret is
// stored: the secret has 256 bits of entropy, so a fast hash cannot be brute-forced, and a
// lookup by hash needs no per-token salt (unlike a password).
import { createHash, randomBytes } from 'node:crypto';

export const TOKEN_PREFIX = 'hw_';
const SECRET_PATTERN = /^hw_[A-Za-z0-9_-]{43}$/;

export function generateTokenSecret(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export function hashTokenSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** What lists and logs show of a token: enough to recognize it, far too little to use it. */
export function displayPrefix(secret: string): string {
  return secret.slice(0, TOKEN_PREFIX.length + 6);
}

export function looksLikeTokenSecret(value: string): boolean {
  return SECRET_PATTERN.test(value);
}
