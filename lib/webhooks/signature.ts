// Webhook signatures: HMAC-SHA256 over "<timestamp>.<body>" with the endpoint's secret, sent as
// `X-Hirewatch-Signature: sha256=<hex>` beside `X-Hirewatch-Timestamp: <unix seconds>`. The
// timestamp is signed so a captured request cannot be replayed later (receivers refuse old
// ones); the body is signed byte for byte as sent. README.md shows a receiver's check.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Hirewatch-Signature';
export const TIMESTAMP_HEADER = 'X-Hirewatch-Timestamp';
/** How old a timestamp a receiver should accept (the verifier below uses it). */
export const DEFAULT_TOLERANCE_SECONDS = 300;

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** What a receiver does: recompute, compare in constant time, refuse stale timestamps. */
export function verifyWebhook(
  secret: string,
  headers: { signature: string | null | undefined; timestamp: string | null | undefined },
  body: string,
  now: number = Math.floor(Date.now() / 1000),
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): boolean {
  if (!headers.signature || !headers.timestamp || !/^\d+$/.test(headers.timestamp)) return false;
  const timestamp = Number(headers.timestamp);
  if (Math.abs(now - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** A new endpoint secret: 32 random bytes, recognisable by its prefix in a config file. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}
