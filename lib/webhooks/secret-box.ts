// Endpoint secrets must be readable by the server (an HMAC needs the secret itself, a hash
// would not do), so they are stored encrypted: AES-256-GCM under a key derived (HKDF-SHA256)
// from AUTH_SECRET. A copy of the database alone does not reveal them; rotating AUTH_SECRET
// makes them unreadable, and deliveries then fail with an error asking for a new secret.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { getAuthSecret } from '@/lib/auth/secret';

function key(): Buffer {
  return Buffer.from(hkdfSync('sha256', getAuthSecret(), 'hirewatch', 'webhook-endpoint-secret', 32));
}

/** "v1.<iv>.<tag>.<ciphertext>", base64url parts. */
export function sealSecret(secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), ciphertext].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

export function openSecret(sealed: string): string {
  const [version, iv, tag, ciphertext] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || ciphertext === undefined) throw new Error('Unknown webhook secret format.');
  const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new Error('The webhook secret cannot be decrypted (was AUTH_SECRET changed?): set a new secret for this endpoint.');
  }
}
