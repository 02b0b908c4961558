import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy, cspDirectives, generateNonce, nonceFromPolicy } from './csp';

const nonce = generateNonce();

function directive(policy: string, name: string): string | undefined {
  return policy
    .split(';')
    .map((part) => part.trim())
    .find((part) => part === name || part.startsWith(`${name} `));
}

describe('generateNonce', () => {
  it('is base64 of a UUID (128 bits, 48 characters) and fresh every time', () => {
    const nonces = new Set(Array.from({ length: 200 }, () => generateNonce()));
    expect(nonces.size).toBe(200);
    for (const value of nonces) {
      expect(value).toMatch(/^[A-Za-z0-9+/]{48}$/);
      expect(atob(value)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });
});

describe('buildContentSecurityPolicy', () => {
  it('is the strict production policy over HTTP', () => {
    expect(buildContentSecurityPolicy({ nonce, isDev: false, https: false })).toBe(
      [
        "default-src 'self'",
        `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ].join('; '),
    );
  });

  it('never allows inline or eval script in production', () => {
    for (const https of [false, true]) {
      const scripts = directive(buildContentSecurityPolicy({ nonce, isDev: false, https }), 'script-src');
      expect(scripts).not.toContain('unsafe-inline');
      expect(scripts).not.toContain('unsafe-eval');
      expect(scripts).toContain(`'nonce-${nonce}'`);
    }
  });

  it("adds 'unsafe-eval' to script-src in development only", () => {
    expect(directive(buildContentSecurityPolicy({ nonce, isDev: true, https: false }), 'script-src')).toBe(
      `script-src 'self' 'nonce-${nonce}' 'strict-dynamic' 'unsafe-eval'`,
    );
  });

  it('upgrades insecure requests only behind HTTPS', () => {
    expect(directive(buildContentSecurityPolicy({ nonce, isDev: false, https: false }), 'upgrade-insecure-requests')).toBeUndefined();
    const policy = buildContentSecurityPolicy({ nonce, isDev: false, https: true });
    expect(directive(policy, 'upgrade-insecure-requests')).toBe('upgrade-insecure-requests');
    expect(policy.endsWith('; upgrade-insecure-requests')).toBe(true);
  });

  it('keeps styles on unsafe-inline without a nonce (a nonce would make browsers ignore it)', () => {
    const styles = directive(buildContentSecurityPolicy({ nonce, isDev: false, https: true }), 'style-src');
    expect(styles).toBe("style-src 'self' 'unsafe-inline'");
  });

  it('forbids framing, plugins, <base> hijacking and foreign form targets', () => {
    const policy = buildContentSecurityPolicy({ nonce, isDev: false, https: false });
    expect(directive(policy, 'frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(directive(policy, 'object-src')).toBe("object-src 'none'");
    expect(directive(policy, 'base-uri')).toBe("base-uri 'self'");
    expect(directive(policy, 'form-action')).toBe("form-action 'self'");
  });

  it('names every directive once', () => {
    const names = cspDirectives({ nonce, isDev: true, https: true }).map(([name]) => name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('refuses a nonce that could break out of the header or the source expression', () => {
    for (const bad of ['', 'short', "abc'; script-src *; '0123456789", 'a b c d e f g h i j k l', 'AAAAAAAAAAAAAAAA\r\nX-Evil: 1']) {
      expect(() => buildContentSecurityPolicy({ nonce: bad, isDev: false, https: false })).toThrow(/nonce/);
    }
  });

  it('gives back the nonce it was built with', () => {
    expect(nonceFromPolicy(buildContentSecurityPolicy({ nonce, isDev: false, https: false }))).toBe(nonce);
    expect(nonceFromPolicy("default-src 'self'")).toBeNull();
  });
});
