import { describe, expect, it } from 'vitest';
import { isHttpsRequest, parseAllowedOrigins, PERMISSIONS_POLICY, STRICT_TRANSPORT_SECURITY, staticSecurityHeaders } from './headers';

describe('staticSecurityHeaders', () => {
  const headers = Object.fromEntries(staticSecurityHeaders().map(({ key, value }) => [key, value]));

  it('sets the browser-hardening headers', () => {
    expect(headers).toEqual({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'Permissions-Policy': PERMISSIONS_POLICY,
      'X-Frame-Options': 'DENY',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
    });
  });

  it('leaves the per-request headers to the proxy', () => {
    expect(headers).not.toHaveProperty('Content-Security-Policy');
    expect(headers).not.toHaveProperty('Strict-Transport-Security');
  });

  it('never uses no-referrer, which turns Origin into "null" on form posts', () => {
    expect(headers['Referrer-Policy']).not.toBe('no-referrer');
  });
});

describe('PERMISSIONS_POLICY', () => {
  it('denies camera, microphone, geolocation, payment and usb to every origin', () => {
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) {
      expect(PERMISSIONS_POLICY.split(', ')).toContain(`${feature}=()`);
    }
  });

  it('has only well-formed, distinct entries', () => {
    const entries = PERMISSIONS_POLICY.split(', ');
    expect(new Set(entries).size).toBe(entries.length);
    for (const entry of entries) expect(entry).toMatch(/^[a-z][a-z-]*=\(\)$/);
  });
});

describe('STRICT_TRANSPORT_SECURITY', () => {
  it('lasts at least a year and covers subdomains', () => {
    const maxAge = Number(/max-age=(\d+)/.exec(STRICT_TRANSPORT_SECURITY)?.[1]);
    expect(maxAge).toBeGreaterThanOrEqual(31_536_000);
    expect(STRICT_TRANSPORT_SECURITY).toContain('includeSubDomains');
  });
});

describe('isHttpsRequest', () => {
  it('believes X-Forwarded-Proto from a TLS-terminating proxy', () => {
    expect(isHttpsRequest('http://127.0.0.1:3000/cases', 'https')).toBe(true);
    expect(isHttpsRequest('http://127.0.0.1:3000/cases', 'HTTPS')).toBe(true);
    expect(isHttpsRequest('http://127.0.0.1:3000/cases', 'https, http')).toBe(true);
  });

  it('falls back to the request URL', () => {
    expect(isHttpsRequest('https://hirewatch.example.com/', null)).toBe(true);
    expect(isHttpsRequest(new URL('http://localhost:3000/'), undefined)).toBe(false);
    expect(isHttpsRequest('http://localhost:3000/', '')).toBe(false);
  });

  it('says no for plain HTTP', () => {
    expect(isHttpsRequest('http://localhost:3000/', 'http')).toBe(false);
    expect(isHttpsRequest('https://localhost:3000/', 'http')).toBe(false);
  });
});

describe('parseAllowedOrigins', () => {
  it('is empty when unset or blank', () => {
    expect(parseAllowedOrigins(undefined)).toEqual([]);
    expect(parseAllowedOrigins('')).toEqual([]);
    expect(parseAllowedOrigins(' , ')).toEqual([]);
  });

  it('splits on commas, trims, lower-cases and drops duplicates', () => {
    expect(parseAllowedOrigins(' Hirewatch.Example.com , *.corp.example.com,hirewatch.example.com,**.eu.example.com')).toEqual([
      'hirewatch.example.com',
      '*.corp.example.com',
      '**.eu.example.com',
    ]);
  });

  it('keeps ports and reduces URLs to their host, as Next.js compares hosts', () => {
    expect(parseAllowedOrigins('hirewatch.example.com:8443,https://hw.example.com/login,http://10.0.0.5:3000')).toEqual([
      'hirewatch.example.com:8443',
      'hw.example.com',
      '10.0.0.5:3000',
    ]);
    expect(parseAllowedOrigins('[::1]:3000')).toEqual(['[::1]:3000']);
  });

  it('throws on an entry that is not a host', () => {
    for (const bad of ['hire watch.example.com', 'app-*.example.com', 'example.com:port', 'a@b.com', '*']) {
      expect(() => parseAllowedOrigins(bad)).toThrow(/HIREWATCH_ALLOWED_ORIGINS/);
    }
  });
});
