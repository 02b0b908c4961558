// TOTP (RFC 6238) through otpauth: SHA-1, 6 digits, 30-second steps, the parameters every
// authenticator app understands. A code is accepted for the current step and one step either
// side (clock drift), and only for a step later than the last one accepted, so an observed
// code cannot be replayed, not even within its own 30 seconds.
import { Secret, TOTP } from 'otpauth';

export const TOTP_ISSUER = 'Hirewatch';
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps accepted either side of now. */
export const TOTP_WINDOW = 1;
/** 160 bits, the HMAC-SHA-1 key size RFC 4226 recommends. */
const SECRET_BYTES = 20;

function totp(secretBase32: string, label = 'user'): TOTP {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label,
    algorithm: 'SHA1',
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** A new random secret, base32 as authenticator apps take it when typed. */
export function newTotpSecret(): string {
  return new Secret({ size: SECRET_BYTES }).base32;
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function otpauthUri(secretBase32: string, email: string): string {
  return totp(secretBase32, email).toString();
}

/** The time step `now` falls in. */
export function timeStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code of `now` (tests, and the demo-code command). */
export function totpCode(secretBase32: string, now: Date = new Date()): string {
  return totp(secretBase32).generate({ timestamp: now.getTime() });
}

/** Six digits, spaces allowed ("123 456" as some apps show it). */
export function normalizeTotpCode(input: string): string | null {
  const digits = input.replace(/\s+/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}

/**
 * The time step `code` belongs to when it is valid at `now` (±TOTP_WINDOW steps) and later
 * than `lastUsedStep`; otherwise null. The caller must record the step atomically (store.ts).
 */
export function acceptedStep(secretBase32: string, code: string, now: Date, lastUsedStep: number | null): number | null {
  const token = normalizeTotpCode(code);
  if (!token) return null;
  const delta = totp(secretBase32).validate({ token, timestamp: now.getTime(), window: TOTP_WINDOW });
  if (delta === null) return null;
  const step = timeStep(now) + delta;
  if (lastUsedStep !== null && step <= lastUsedStep) return null;
  return step;
}
