import { describe, expect, it } from 'vitest';
import { generateRecoveryCodes, hashRecoveryCode, normalizeRecoveryCode, RECOVERY_CODE_COUNT } from './recovery-codes';

const USER = '0b6f8a9e-3c1d-4e2f-9a7b-5c6d7e8f9a0b';

describe('recovery codes', () => {
  it('makes ten distinct codes of 16 symbols (80 bits) in groups of four, without look-alikes', () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) {
      expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}$/);
      expect(code).not.toMatch(/[01IO]/);
    }
  });

  it('reads a code however it is typed: lower case, spaces, without hyphens', () => {
    const [code] = generateRecoveryCodes(1);
    const compact = code.replaceAll('-', '');
    expect(normalizeRecoveryCode(code)).toBe(compact);
    expect(normalizeRecoveryCode(` ${code.toLowerCase().replaceAll('-', ' ')} `)).toBe(compact);
  });

  it.each(['', '123456', 'ABCD-EFGH-JKLM', 'ABCD-EFGH-JKLM-NPQR-S', 'ABCD-EFGH-JKLM-NPQ0', 'ABCD-EFGH-JKLM-NPQI'])('refuses %j', (input) => {
    expect(normalizeRecoveryCode(input)).toBeNull();
  });

  it('stores a SHA-256 salted with the user id: never the code, different per user', () => {
    const hash = hashRecoveryCode(USER, 'ABCDEFGHJKLMNPQR');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain('ABCD');
    expect(hashRecoveryCode(USER, 'ABCDEFGHJKLMNPQR')).toBe(hash);
    expect(hashRecoveryCode('1b6f8a9e-3c1d-4e2f-9a7b-5c6d7e8f9a0b', 'ABCDEFGHJKLMNPQR')).not.toBe(hash);
  });
});
