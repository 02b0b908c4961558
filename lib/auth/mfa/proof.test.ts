import { describe, expect, it } from 'vitest';
import { derivedKey } from '@/lib/security/secret-box';
import { isValidProof, secondFactorProof } from './proof';

const SECRET = 'a-test-auth-secret-of-enough-length-0123456789';

describe('second-factor proofs', () => {
  const sessionKey = derivedKey('second factor session proof v1', SECRET);
  const enrollmentKey = derivedKey('second factor enrollment proof v1', SECRET);

  it('holds for its own challenge only', () => {
    const proof = secondFactorProof('challenge-a', 'session', sessionKey);
    expect(isValidProof(proof, 'challenge-a', 'session', sessionKey)).toBe(true);
    expect(isValidProof(proof, 'challenge-b', 'session', sessionKey)).toBe(false);
  });

  it('refuses a proof of the other purpose, a missing challenge, or anything but a string', () => {
    const enrollment = secondFactorProof('challenge-a', 'enrollment', enrollmentKey);
    expect(isValidProof(enrollment, 'challenge-a', 'session', sessionKey)).toBe(false);
    expect(isValidProof(secondFactorProof('', 'session', sessionKey), '', 'session', sessionKey)).toBe(false);
    expect(isValidProof(undefined, 'challenge-a', 'session', sessionKey)).toBe(false);
    expect(isValidProof({ toString: () => 'x' }, 'challenge-a', 'session', sessionKey)).toBe(false);
  });
});
