// Secrets the server must read back (TOTP seeds, webhook signing secrets) are encrypted at
// rest, so a database dump or backup alone reveals none of them. AES-256-GCM with a key
// derived by HKDF-SHA-256 from AUTH_SECRET (which never lives in the database), one key per
// purpose, a fresh 96-bit IV per encryption, and a context (the owning row's id) as
// additional authenticated data, so a ciphertext copied onto another row does not decrypt.
// Rotating AUTH_SECRET makes every stored secret unreadable (docs/security.md).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { getAuthSecret } from '@/lib/auth/secret';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A 256-bit key for one purpose, derived from AUTH_SECRET; other purposes get other keys. */
export function derivedKey(purpose: string, secret: string = getAuthSecret()): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'hirewatch', `hirewatch ${purpose}`, 32));
}

export function encryptSecret(plain: string, context: string, key: Buffer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${VERSION}.${iv.toString('base64url')}.${body.toString('base64url')}`;
}

/** The plain secret; throws when the box was altered, belongs to another context or another key. */
export function decryptSecret(box: string, context: string, key: Buffer): string {
  const [version, ivText, bodyText] = box.split('.');
  if (version !== VERSION || !ivText || !bodyText) throw new Error('Unknown secret format.');
  const iv = Buffer.from(ivText, 'base64url');
  const body = Buffer.from(bodyText, 'base64url');
  if (iv.length !== IV_BYTES || body.length <= TAG_BYTES) throw new Error('Malformed secret.');
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
  return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString('utf8');
}
