// Endpoint secrets must be readable by the server (an HMAC needs the secret itself, a hash
// would not do), so they are sealed with lib/security/secret-box.ts under their own key.
// Rotating AUTH_SECRET makes them unreadable, and deliveries then fail with an error asking
// for a new secret.
import { decryptSecret, derivedKey, encryptSecret } from '@/lib/security/secret-box';

const PURPOSE = 'webhook endpoint secret v1';
// Endpoint secrets are sealed before the endpoint row (and its id) exists: the purpose is the context.
const CONTEXT = 'webhook endpoint';

export function sealSecret(secret: string): string {
  return encryptSecret(secret, CONTEXT, derivedKey(PURPOSE));
}

export function openSecret(sealed: string): string {
  try {
    return decryptSecret(sealed, CONTEXT, derivedKey(PURPOSE));
  } catch {
    throw new Error('The webhook secret cannot be decrypted (was AUTH_SECRET changed?): set a new secret for this endpoint.');
  }
}
