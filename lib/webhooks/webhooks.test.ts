import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, retryDelayMs } from './backoff';
import { caseEventPayload } from './payload';
import { generateWebhookSecret, signWebhook, verifyWebhook } from './signature';
import { checkWebhookUrl } from './url';

describe('webhook signature', () => {
  const secret = 'whsec_test';
  const body = '{"event":"case.escalated"}';

  it('is the hex HMAC-SHA256 of "timestamp.body"', () => {
    // echo -n '1767225600.{"event":"case.escalated"}' | openssl dgst -sha256 -hmac whsec_test
    expect(signWebhook(secret, 1767225600, body)).toBe('sha256=2736fb6350829a5f22070a6195bca737cfcad504796ac3bb8ff5edbae9cb7892');
  });

  it('verifies what it signed, and refuses a changed body, timestamp, secret or an old timestamp', () => {
    const at = 1767225600;
    const signature = signWebhook(secret, at, body);
    expect(verifyWebhook(secret, { signature, timestamp: String(at) }, body, at + 10)).toBe(true);
    expect(verifyWebhook(secret, { signature, timestamp: String(at) }, `${body} `, at)).toBe(false);
    expect(verifyWebhook(secret, { signature, timestamp: String(at + 1) }, body, at)).toBe(false);
    expect(verifyWebhook('whsec_other', { signature, timestamp: String(at) }, body, at)).toBe(false);
    expect(verifyWebhook(secret, { signature, timestamp: String(at) }, body, at + 301)).toBe(false);
    expect(verifyWebhook(secret, { signature: null, timestamp: String(at) }, body, at)).toBe(false);
  });

  it('generates distinct, long secrets', () => {
    const a = generateWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(generateWebhookSecret()).not.toBe(a);
  });
});

describe('retry schedule', () => {
  it('waits 30 s, 2 min, 8 min, 32 min, then gives up after the fifth attempt', () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n))).toEqual([30_000, 120_000, 480_000, 1_920_000, null]);
    expect(MAX_ATTEMPTS).toBe(5);
    expect(retryDelayMs(2, 10)).toBe(40);
  });
});

describe('webhook URLs', () => {
  it.each([
    ['https://hooks.slack.com/services/T0/B0/x', true, true],
    ['http://127.0.0.1:8080/hook', true, true],
    ['http://localhost:8080/hook', true, true],
    ['http://[::1]/hook', true, true],
    ['http://receiver.internal/hook', true, false],
    ['http://receiver.internal/hook', false, true],
    ['ftp://example.org/x', false, false],
    ['https://user:pass@example.org/x', false, false],
    ['not a url', false, false],
  ])('%s (production: %s) accepted: %s', (url, production, accepted) => {
    expect(checkWebhookUrl(url, { production }).ok).toBe(accepted);
  });
});

describe('payload', () => {
  it('carries the reference and clearance only, with a Slack-compatible text', () => {
    const payload = caseEventPayload('case.escalated', { reference: 'HW-2026-0042', status: 'escalated' }, 'e0b7b1a2-4c3d-4e5f-8a9b-0c1d2e3f4a5b', new Date('2026-03-01T10:00:00Z'));
    expect(payload).toEqual({
      id: 'e0b7b1a2-4c3d-4e5f-8a9b-0c1d2e3f4a5b',
      event: 'case.escalated',
      occurredAt: '2026-03-01T10:00:00.000Z',
      case: { reference: 'HW-2026-0042', clearance: 'do_not_proceed' },
      text: 'Hirewatch: case HW-2026-0042 was escalated. Clearance: Do not proceed.',
    });
  });
});
