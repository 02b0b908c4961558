import { describe, expect, it } from 'vitest';
import { isSameOriginPost } from './same-origin';

const post = (headers: Record<string, string>) => new Request('http://hirewatch.test/import/upload', { method: 'POST', headers });

describe('isSameOriginPost', () => {
  it('accepts a post from a page of the same host', () => {
    expect(isSameOriginPost(post({ host: 'hirewatch.test', origin: 'http://hirewatch.test' }))).toBe(true);
  });

  it.each([
    ['no Origin', { host: 'hirewatch.test' }],
    ['another host', { host: 'hirewatch.test', origin: 'https://evil.example' }],
    ['the same name on another port', { host: 'hirewatch.test', origin: 'http://hirewatch.test:8080' }],
    ['the opaque origin "null"', { host: 'hirewatch.test', origin: 'null' }],
    ['an Origin that is not a URL', { host: 'hirewatch.test', origin: '%%%' }],
  ])('refuses %s without throwing', (_label, headers) => {
    expect(isSameOriginPost(post(headers))).toBe(false);
  });
});
