import { describe, expect, it } from 'vitest';
import { isSameOriginPost } from './same-origin';

const post = (headers: Record<string, string>) => new Request('http://hirewatch.test/import/upload', { method: 'POST', headers });

describe('isSameOriginPost', () => {
  it('accepts a post from a page of the same host', () => {
    expect(isSameOriginPost(post({ host: 'hirewatch.test', origin: 'http://hirewatch.test' }))).toBe(true);
  });

  it('accepts the host a proxy forwarded, as Server Actions do', () => {
    expect(isSameOriginPost(post({ host: 'app:3000', 'x-forwarded-host': 'hirewatch.example.com', origin: 'https://hirewatch.example.com' }))).toBe(true);
    expect(isSameOriginPost(post({ host: 'hirewatch.example.com', 'x-forwarded-host': 'app:3000', origin: 'https://hirewatch.example.com' }))).toBe(false);
  });

  it('accepts a host of HIREWATCH_ALLOWED_ORIGINS, wildcards as Next.js reads them, and no other', () => {
    const allowed = ['hirewatch.example.com', '*.corp.example'];
    const from = (origin: string) => isSameOriginPost(post({ host: 'app:3000', origin }), allowed);
    expect(from('https://hirewatch.example.com')).toBe(true);
    expect(from('https://sec.corp.example')).toBe(true);
    expect(from('https://corp.example')).toBe(false);
    expect(from('https://hirewatch.example.com.evil.example')).toBe(false);
  });

  it.each([
    ['no Origin', { host: 'hirewatch.test' }],
    ['another host', { host: 'hirewatch.test', origin: 'https://evil.example' }],
    ['the same name on another port', { host: 'hirewatch.test', origin: 'http://hirewatch.test:8080' }],
    ['the opaque origin "null"', { host: 'hirewatch.test', origin: 'null' }],
    ['an Origin that is not a URL', { host: 'hirewatch.test', origin: '%%%' }],
  ])('refuses %s without throwing', (_label, headers) => {
    expect(isSameOriginPost(post(headers), [])).toBe(false);
  });
});
