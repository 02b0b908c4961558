import { describe, expect, it } from 'vitest';
import { decryptSecret, derivedKey, encryptSecret } from './secret-box';

const SECRET = 'a-test-auth-secret-of-enough-length-0123456789';
const key = derivedKey('totp secret v1', SECRET);
const USER = '0b6f8a9e-3c1d-4e2f-9a7b-5c6d7e8f9a0b';
const OTHER = '1b6f8a9e-3c1d-4e2f-9a7b-5c6d7e8f9a0b';

describe('secret box (AES-256-GCM, key from AUTH_SECRET by HKDF)', () => {
  it('round-trips, and never stores the secret in the clear', () => {
    const box = encryptSecret('JBSWY3DPEHPK3PXP', USER, key);
    expect(box).toMatch(/^v1\.[\w-]+\.[\w-]+$/);
    expect(box).not.toContain('JBSWY3DPEHPK3PXP');
    expect(decryptSecret(box, USER, key)).toBe('JBSWY3DPEHPK3PXP');
  });

  it('uses a fresh IV each time', () => {
    expect(encryptSecret('JBSWY3DPEHPK3PXP', USER, key)).not.toBe(encryptSecret('JBSWY3DPEHPK3PXP', USER, key));
  });

  it('refuses a box moved to another user, altered, or read with another AUTH_SECRET', () => {
    const box = encryptSecret('JBSWY3DPEHPK3PXP', USER, key);
    expect(() => decryptSecret(box, OTHER, key)).toThrow();
    const [v, iv, body] = box.split('.');
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] ^= 1;
    expect(() => decryptSecret(`${v}.${iv}.${flipped.toString('base64url')}`, USER, key)).toThrow();
    expect(() => decryptSecret(box, USER, derivedKey('totp secret v1', `${SECRET}x`))).toThrow();
    expect(() => decryptSecret('v2.abc.def', USER, key)).toThrow('Unknown secret format.');
  });

  it('derives a different key for each purpose', () => {
    expect(derivedKey('second factor session proof v1', SECRET).equals(key)).toBe(false);
    expect(key).toHaveLength(32);
  });
});
