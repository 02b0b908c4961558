import { describe, expect, it } from 'vitest';
import { normalizeCidr, normalizeEmailDomain, normalizeWatchlistValue } from './watchlist-patterns';

describe('watchlist patterns', () => {
  it('canonicalizes a CIDR range to its network address', () => {
    expect(normalizeCidr('203.0.113.77/24')).toEqual({ ok: true, value: '203.0.113.0/24' });
    expect(normalizeCidr(' 2001:DB8::1/32 ')).toEqual({ ok: true, value: '2001:db8::/32' });
  });

  it('refuses ranges that are malformed or too wide to mean anything', () => {
    expect(normalizeCidr('203.0.113.0/33').ok).toBe(false);
    expect(normalizeCidr('10.0.0.0/4').ok).toBe(false);
    expect(normalizeCidr('203.0.113/24').ok).toBe(false);
  });

  it('reads an ip entry with a slash as a range, without as one address', () => {
    expect(normalizeWatchlistValue('ip', '198.51.100.0/24')).toEqual({ ok: true, value: '198.51.100.0/24' });
    expect(normalizeWatchlistValue('ip', '::ffff:198.51.100.7')).toEqual({ ok: true, value: '198.51.100.7' });
  });

  it('takes an email domain as "@domain", "*.domain" or "domain"', () => {
    for (const raw of ['@Throwaway.Example', '*.throwaway.example', 'throwaway.example.', '*@throwaway.example']) {
      expect(normalizeEmailDomain(raw)).toEqual({ ok: true, value: 'throwaway.example' });
    }
    expect(normalizeEmailDomain('not a domain').ok).toBe(false);
    expect(normalizeEmailDomain('localhost').ok).toBe(false);
  });
});
