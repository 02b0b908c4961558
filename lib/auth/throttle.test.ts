import { describe, expect, it } from 'vitest';
import { ACCOUNT_MAX_FAILURES, accountKey, clientIp, IP_MAX_FAILURES, ipKey, isThrottled, THROTTLE_WINDOW_MS } from './throttle';

describe('limits', () => {
  it('allows 5 failures per account and 20 per IP within 15 minutes', () => {
    expect(ACCOUNT_MAX_FAILURES).toBe(5);
    expect(IP_MAX_FAILURES).toBe(20);
    expect(THROTTLE_WINDOW_MS).toBe(15 * 60 * 1000);
  });
});

describe('isThrottled', () => {
  it.each([
    [{ account: 0, ip: 0 }, false],
    [{ account: 4, ip: 19 }, false],
    [{ account: 5, ip: 0 }, true],
    [{ account: 0, ip: 20 }, true],
    [{ account: 12, ip: 40 }, true],
  ])('%j → %s', (counts, expected) => {
    expect(isThrottled(counts)).toBe(expected);
  });
});

describe('keys', () => {
  it('counts an account by its lower-cased email and an IP by its address', () => {
    expect(accountKey('  Lead@Hirewatch.TEST ')).toBe('account:lead@hirewatch.test');
    expect(ipKey('203.0.113.9')).toBe('ip:203.0.113.9');
  });
});

describe('clientIp', () => {
  const ip = (headers: Record<string, string>) => clientIp(new Headers(headers));

  it('takes the first hop of X-Forwarded-For', () => {
    expect(ip({ 'x-forwarded-for': '203.0.113.9, 10.0.0.2, 10.0.0.1' })).toBe('203.0.113.9');
    expect(ip({ 'x-forwarded-for': '2001:DB8::1' })).toBe('2001:db8::1');
  });

  it('falls back to X-Real-IP', () => {
    expect(ip({ 'x-real-ip': '198.51.100.7' })).toBe('198.51.100.7');
    expect(ip({ 'x-forwarded-for': ' ', 'x-real-ip': '198.51.100.7' })).toBe('198.51.100.7');
  });

  it('strips the brackets of an IPv6 address', () => {
    expect(ip({ 'x-real-ip': '[2001:db8::2]' })).toBe('2001:db8::2');
  });

  it('is null without an address, or with something that is not one', () => {
    expect(ip({})).toBeNull();
    expect(ip({ 'x-forwarded-for': 'ip:1.2.3.4 or 1=1' })).toBeNull();
    expect(ip({ 'x-forwarded-for': '1'.repeat(65) })).toBeNull();
  });
});
