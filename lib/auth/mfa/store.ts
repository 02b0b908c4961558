// The second factor in the database: the encrypted TOTP secret with its last accepted time
// step, and the hashed recovery codes. Every "use once" rule is a single conditional UPDATE,
// so two requests racing with the same code cannot both succeed, on PGlite or PostgreSQL.
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/lib/db/client';
import { recoveryCodes, userSecondFactors } from '@/lib/db/schema';
import { hashRecoveryCode } from './recovery-codes';
import { openTotpSecret, sealTotpSecret } from './totp-secret-box';
import { newTotpSecret } from './totp';

export interface StoredFactor {
  secret: string;
  confirmed: boolean;
  lastUsedStep: number | null;
}

/** The user's factor with its secret decrypted, or null when they have none. */
export async function loadFactor(db: DbOrTx, userId: string): Promise<StoredFactor | null> {
  const [row] = await db
    .select({ secretEncrypted: userSecondFactors.secretEncrypted, confirmedAt: userSecondFactors.confirmedAt, lastUsedStep: userSecondFactors.lastUsedStep })
    .from(userSecondFactors)
    .where(eq(userSecondFactors.userId, userId));
  if (!row) return null;
  return { secret: openTotpSecret(row.secretEncrypted, userId), confirmed: row.confirmedAt !== null, lastUsedStep: row.lastUsedStep };
}

/** Whether the user has a confirmed factor (without decrypting it). */
export async function hasConfirmedFactor(db: DbOrTx, userId: string): Promise<boolean> {
  const [row] = await db.select({ confirmedAt: userSecondFactors.confirmedAt }).from(userSecondFactors).where(eq(userSecondFactors.userId, userId));
  return Boolean(row?.confirmedAt);
}

/**
 * The secret to enroll with: the one already waiting for confirmation, or a new one. The same
 * secret comes back on every reload, so the QR code scanned a moment ago stays valid. Null when
 * the user already has a confirmed factor (only an administrator's reset replaces it).
 */
export async function enrollmentSecret(db: DbOrTx, userId: string, secret: string = newTotpSecret()): Promise<string | null> {
  await db.insert(userSecondFactors).values({ userId, secretEncrypted: sealTotpSecret(secret, userId) }).onConflictDoNothing({ target: userSecondFactors.userId });
  const factor = await loadFactor(db, userId);
  return factor && !factor.confirmed ? factor.secret : null;
}

/** Records `step` as used; false when it (or a later one) already was: a replay. */
export async function claimStep(db: DbOrTx, userId: string, step: number, confirmAt?: Date): Promise<boolean> {
  const claimed = await db
    .update(userSecondFactors)
    .set(confirmAt ? { lastUsedStep: step, confirmedAt: confirmAt } : { lastUsedStep: step })
    .where(
      and(
        eq(userSecondFactors.userId, userId),
        confirmAt ? isNull(userSecondFactors.confirmedAt) : sql`${userSecondFactors.confirmedAt} is not null`,
        or(isNull(userSecondFactors.lastUsedStep), lt(userSecondFactors.lastUsedStep, step)),
      ),
    )
    .returning({ userId: userSecondFactors.userId });
  return claimed.length === 1;
}

/** Replaces the user's recovery codes with these (plain codes in, hashes stored). */
export async function replaceRecoveryCodes(db: DbOrTx, userId: string, codes: string[], normalize: (code: string) => string | null): Promise<void> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.insert(recoveryCodes).values(
    codes.map((code) => {
      const normalized = normalize(code);
      if (!normalized) throw new Error('Generated an invalid recovery code.');
      return { userId, codeHash: hashRecoveryCode(userId, normalized) };
    }),
  );
}

/** Marks the code used; false when it is not one of the user's unused codes. */
export async function consumeRecoveryCode(db: DbOrTx, userId: string, normalizedCode: string, now: Date): Promise<boolean> {
  const used = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, hashRecoveryCode(userId, normalizedCode)), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return used.length === 1;
}

export async function unusedRecoveryCodes(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return Number(row?.n ?? 0);
}

/** Removes the factor and every recovery code; true when there was a factor. */
export async function deleteFactor(db: DbOrTx, userId: string): Promise<boolean> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  const deleted = await db.delete(userSecondFactors).where(eq(userSecondFactors.userId, userId)).returning({ userId: userSecondFactors.userId });
  return deleted.length === 1;
}
