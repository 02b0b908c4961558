// How a half-signed-in session becomes a full one. At password sign-in the session token of a
// cso or admin gets mfa 'pending' and a random challenge. When the code step succeeds, the
// server action asks Auth.js to update the session (unstable_update) with a proof: an HMAC of
// that challenge under a key derived from AUTH_SECRET. The jwt callback promotes the token only
// when the proof matches its own challenge. A browser can also post session updates
// (POST /api/auth/session), but cannot compute a proof, and a proof made for one session's
// challenge is worthless for any other session.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { derivedKey } from '@/lib/security/secret-box';

export function newChallenge(): string {
  return randomBytes(16).toString('base64url');
}

/**
 * What a proof is for. 'session': handed to unstable_update, never to the browser.
 * 'enrollment': returned to the browser of the session that just confirmed its new factor, so
 * that its "Continue" (after the recovery codes were shown) can finish the sign-in; it is only
 * ever accepted for that same session's challenge.
 */
export type ProofPurpose = 'session' | 'enrollment';

function keyFor(purpose: ProofPurpose): Buffer {
  return derivedKey(`second factor ${purpose} proof v1`);
}

export function secondFactorProof(challenge: string, purpose: ProofPurpose = 'session', key: Buffer = keyFor(purpose)): string {
  return createHmac('sha256', key).update(challenge).digest('base64url');
}

export function isValidProof(proof: unknown, challenge: unknown, purpose: ProofPurpose = 'session', key: Buffer = keyFor(purpose)): boolean {
  if (typeof proof !== 'string' || typeof challenge !== 'string' || !challenge) return false;
  const expected = Buffer.from(secondFactorProof(challenge, purpose, key));
  const given = Buffer.from(proof);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
