// After a restore: do the secrets sealed in the database (TOTP seeds, webhook signing secrets)
// open with this installation's AUTH_SECRET? A backup deliberately does not hold that key
// (docs/security.md O13), so a backup restored beside another key restores second factors
// nobody can use: the cso and admin accounts could no longer sign in. Say so before the
// server starts, while the old key can still be fetched.
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '@/lib/db/client';
import { userSecondFactors, webhookEndpoints } from '@/lib/db/schema';

/** Warnings to print; empty when every sealed secret opens (or there are none). */
export async function sealedSecretWarnings(db: Database, embeddedDataDir: string | null): Promise<string[]> {
  const factors = await db.select({ userId: userSecondFactors.userId, sealed: userSecondFactors.secretEncrypted }).from(userSecondFactors);
  const endpoints = await db.select({ sealed: webhookEndpoints.secretCiphertext }).from(webhookEndpoints);
  if (factors.length === 0 && endpoints.length === 0) return [];
  const restoreKey =
    'Put the original key back before starting the server: its AUTH_SECRET, or (embedded database) the auth-secret file of the data directory the backup came from.';
  // Embedded mode without AUTH_SECRET keeps the key in <data dir>/auth-secret; asking for it
  // here would create a new one, so only check that it is there.
  if (!process.env.AUTH_SECRET && embeddedDataDir && !fs.existsSync(path.join(embeddedDataDir, 'auth-secret'))) {
    return [`Warning: ${factors.length} second factor(s) and ${endpoints.length} webhook secret(s) are sealed with a key this data directory does not have (no auth-secret file, no AUTH_SECRET). ${restoreKey}`];
  }
  const { openTotpSecret } = await import('@/lib/auth/mfa/totp-secret-box');
  const { openSecret } = await import('@/lib/webhooks/secret-box');
  const opens = (open: () => unknown) => {
    try {
      open();
      return true;
    } catch {
      return false;
    }
  };
  const badFactors = factors.filter((f) => !opens(() => openTotpSecret(f.sealed, f.userId))).length;
  const badEndpoints = endpoints.filter((e) => !opens(() => openSecret(e.sealed))).length;
  if (badFactors === 0 && badEndpoints === 0) return [];
  return [
    `Warning: ${badFactors} of ${factors.length} second factor(s) and ${badEndpoints} of ${endpoints.length} webhook secret(s) do not decrypt with this AUTH_SECRET: the backup was made under another key. ${restoreKey} Otherwise those users cannot sign in with their second factor and those webhooks cannot be signed.`,
  ];
}
