// TOTP seeds at rest: sealed with their own key and bound to their user, so a seed copied onto
// another user's row does not decrypt (lib/security/secret-box.ts).
import { decryptSecret, derivedKey, encryptSecret } from '@/lib/security/secret-box';

export const sealTotpSecret = (secret: string, userId: string) => encryptSecret(secret, userId, derivedKey('totp secret v1'));
export const openTotpSecret = (sealed: string, userId: string) => decryptSecret(sealed, userId, derivedKey('totp secret v1'));
