// The code step of a cso's or admin's sign-in, and the confirmation of a new authenticator,
// apart from Next.js so they are tested against a real database. Both count failures in the
// sign-in throttle (lib/auth/throttle.ts) against the account and the client IP, exactly like
// wrong passwords, and refuse while it is closed; a password sign-in of these roles does not
// reset the account's count (credentials.ts), so re-entering the password does not buy more
// code guesses. Every refusal looks the same to the user (CODE_FAILED_MESSAGE); the audit log
// records each failed check, each recovery code used and each enrollment.
import { appendAudit, type AuditActor } from '@/lib/audit/log';
import type { Database, DbOrTx } from '@/lib/db/client';
import { clearAccountFailures, isSignInThrottled, recordFailedSignIn } from '../throttle';
import { generateRecoveryCodes, normalizeRecoveryCode } from './recovery-codes';
import { claimStep, consumeRecoveryCode, loadFactor, replaceRecoveryCodes, unusedRecoveryCodes } from './store';
import { acceptedStep } from './totp';

/** The one message of every refused code: wrong, replayed, used up, or throttled. */
export const CODE_FAILED_MESSAGE =
  'That code was not accepted. Use the current code from your authenticator app, or an unused recovery code. After several failed attempts sign-in pauses: wait a few minutes, then try again.';

export interface CodeAttempt {
  user: { id: string; email: string };
  code: string;
  ip: string | null;
  userAgent: string | null;
  now?: Date;
}

export type VerifyResult = { ok: true; method: 'totp' | 'recovery_code' } | { ok: false };
export type EnrollResult = { ok: true; recoveryCodes: string[] } | { ok: false };

function actorOf(attempt: CodeAttempt): AuditActor {
  return { id: attempt.user.id, email: attempt.user.email, ip: attempt.ip, userAgent: attempt.userAgent };
}

/** Counts the failure in the throttle and audits it, in one transaction. */
async function refuse(db: Database, attempt: CodeAttempt, now: Date, stage: 'sign_in' | 'enrollment'): Promise<{ ok: false }> {
  await db.transaction(async (tx) => {
    await recordFailedSignIn(tx, { email: attempt.user.email, ip: attempt.ip }, now);
    await appendAudit(tx, actorOf(attempt), { action: 'mfa.verify_failed', targetType: 'user', targetId: attempt.user.email, after: { stage } });
  });
  return { ok: false };
}

async function throttled(db: DbOrTx, attempt: CodeAttempt, now: Date): Promise<boolean> {
  return isSignInThrottled(db, { email: attempt.user.email, ip: attempt.ip }, now);
}

/**
 * The code step: a TOTP code of a step not used before, or an unused recovery code (then
 * consumed and audited). On success the account's failure count starts afresh.
 */
export async function verifySecondFactor(db: Database, attempt: CodeAttempt): Promise<VerifyResult> {
  const now = attempt.now ?? new Date();
  // A refused attempt while throttled is not counted (as for passwords): retrying must not extend the pause.
  if (await throttled(db, attempt, now)) return { ok: false };
  const factor = await loadFactor(db, attempt.user.id);
  if (!factor?.confirmed) return refuse(db, attempt, now, 'sign_in');

  const step = acceptedStep(factor.secret, attempt.code, now, factor.lastUsedStep);
  if (step !== null) {
    const accepted = await db.transaction(async (tx) => {
      if (!(await claimStep(tx, attempt.user.id, step))) return false;
      await clearAccountFailures(tx, attempt.user.email);
      return true;
    });
    if (accepted) return { ok: true, method: 'totp' };
    return refuse(db, attempt, now, 'sign_in');
  }

  const recoveryCode = normalizeRecoveryCode(attempt.code);
  if (recoveryCode) {
    const used = await db.transaction(async (tx) => {
      if (!(await consumeRecoveryCode(tx, attempt.user.id, recoveryCode, now))) return false;
      await clearAccountFailures(tx, attempt.user.email);
      const left = await unusedRecoveryCodes(tx, attempt.user.id);
      await appendAudit(tx, actorOf(attempt), { action: 'mfa.recovery_code_used', targetType: 'user', targetId: attempt.user.email, after: { unusedRecoveryCodes: left } });
      return true;
    });
    if (used) return { ok: true, method: 'recovery_code' };
  }
  return refuse(db, attempt, now, 'sign_in');
}

/**
 * Confirms the authenticator being enrolled with its first code, and issues the recovery
 * codes, returned here in plain text for the one time they are shown.
 */
export async function confirmEnrollment(db: Database, attempt: CodeAttempt): Promise<EnrollResult> {
  const now = attempt.now ?? new Date();
  if (await throttled(db, attempt, now)) return { ok: false };
  const factor = await loadFactor(db, attempt.user.id);
  const step = factor && !factor.confirmed ? acceptedStep(factor.secret, attempt.code, now, factor.lastUsedStep) : null;
  if (step === null) return refuse(db, attempt, now, 'enrollment');

  const codes = generateRecoveryCodes();
  const confirmed = await db.transaction(async (tx) => {
    if (!(await claimStep(tx, attempt.user.id, step, now))) return false;
    await replaceRecoveryCodes(tx, attempt.user.id, codes, normalizeRecoveryCode);
    await clearAccountFailures(tx, attempt.user.email);
    await appendAudit(tx, actorOf(attempt), {
      action: 'mfa.enrolled',
      targetType: 'user',
      targetId: attempt.user.email,
      after: { method: 'totp', recoveryCodes: codes.length },
    });
    return true;
  });
  if (!confirmed) return refuse(db, attempt, now, 'enrollment');
  return { ok: true, recoveryCodes: codes };
}
