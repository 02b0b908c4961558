import { describe, expect, it } from 'vitest';
import { acceptedStep, newTotpSecret, normalizeTotpCode, otpauthUri, timeStep, totpCode } from './totp';

// RFC 6238 appendix B: the ASCII secret "12345678901234567890" (SHA-1), here in base32.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const at = (seconds: number) => new Date(seconds * 1000);

describe('totpCode', () => {
  it('matches the RFC 6238 test vectors (last six digits)', () => {
    expect(totpCode(RFC_SECRET, at(59))).toBe('287082');
    expect(totpCode(RFC_SECRET, at(1111111109))).toBe('081804');
    expect(totpCode(RFC_SECRET, at(1234567890))).toBe('005924');
  });
});

describe('acceptedStep', () => {
  const now = at(1_800_000_015); // 15 s into its step
  const step = timeStep(now);
  const codeOf = (s: number) => totpCode(RFC_SECRET, at(s * 30));

  it('accepts the current step and one either side, and returns the step the code belongs to', () => {
    expect(acceptedStep(RFC_SECRET, codeOf(step), now, null)).toBe(step);
    expect(acceptedStep(RFC_SECRET, codeOf(step - 1), now, null)).toBe(step - 1);
    expect(acceptedStep(RFC_SECRET, codeOf(step + 1), now, null)).toBe(step + 1);
  });

  it('refuses codes two steps away', () => {
    expect(acceptedStep(RFC_SECRET, codeOf(step - 2), now, null)).toBeNull();
    expect(acceptedStep(RFC_SECRET, codeOf(step + 2), now, null)).toBeNull();
  });

  it('refuses a replay: the last used step and any earlier one', () => {
    expect(acceptedStep(RFC_SECRET, codeOf(step), now, step)).toBeNull();
    expect(acceptedStep(RFC_SECRET, codeOf(step - 1), now, step)).toBeNull();
    expect(acceptedStep(RFC_SECRET, codeOf(step - 1), now, step - 1)).toBeNull();
    // ...but a later step is still good, once.
    expect(acceptedStep(RFC_SECRET, codeOf(step + 1), now, step)).toBe(step + 1);
  });

  it('takes spaces inside a code, and refuses anything but six digits', () => {
    const code = codeOf(step);
    expect(acceptedStep(RFC_SECRET, `${code.slice(0, 3)} ${code.slice(3)}`, now, null)).toBe(step);
    for (const bad of ['', '12345', '1234567', 'abcdef', `${code}0`]) expect(acceptedStep(RFC_SECRET, bad, now, null)).toBeNull();
    expect(normalizeTotpCode(' 123 456 ')).toBe('123456');
  });

  it('refuses the right code of another secret', () => {
    expect(acceptedStep('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', codeOf(step), now, null)).toBeNull();
  });
});

describe('secrets and URIs', () => {
  it('draws 160-bit secrets, new each time', () => {
    const a = newTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(a);
  });

  it('builds the otpauth URI authenticator apps read', () => {
    const uri = new URL(otpauthUri(RFC_SECRET, 'cso@hirewatch.test'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Hirewatch:cso@hirewatch.test');
    expect(Object.fromEntries(uri.searchParams)).toMatchObject({ issuer: 'Hirewatch', secret: RFC_SECRET, algorithm: 'SHA1', digits: '6', period: '30' });
  });
});
