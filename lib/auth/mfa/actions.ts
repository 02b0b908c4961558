'use server';
// The second step of a cso's or admin's sign-in, as server actions. This file exports actions
// and nothing else. They serve the one session that is half signed in (pendingSecondFactor):
// a signed-out visitor, or a fully signed-in user, gets "sign in again" and nothing happens.
// On success the session is promoted through Auth.js's session update (proof.ts), then the
// browser goes to its home page.
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { ActionState } from '@/lib/actions/state';
import { getDb } from '@/lib/db/client';
import { updateSession } from '../auth';
import { pendingSecondFactor, type PendingSecondFactor } from '../session';
import { clientIp } from '../throttle';
import { CODE_FAILED_MESSAGE, confirmEnrollment, type CodeAttempt, verifySecondFactor } from './code-step';
import { isValidProof, secondFactorProof } from './proof';
import type { EnrollmentState } from './state';

const SIGN_IN_AGAIN = 'Your sign-in has expired. Sign in again with your email and password.';
const MAX_CODE_LENGTH = 64;

async function attemptOf(pending: PendingSecondFactor, code: string): Promise<CodeAttempt> {
  const h = await headers();
  return { user: { id: pending.id, email: pending.email }, code, ip: clientIp(h), userAgent: h.get('user-agent') };
}

/** The code as typed, or a field error: empty and absurdly long input never reach the checks. */
function readCode(formData: FormData, emptyMessage: string): { code: string } | { error: ActionState } {
  const code = String(formData.get('code') ?? '').trim();
  if (!code) return { error: { status: 'error', fieldErrors: { code: [emptyMessage] } } };
  if (code.length > MAX_CODE_LENGTH) return { error: { status: 'error', message: CODE_FAILED_MESSAGE } };
  return { code };
}

async function finishSignIn(pending: PendingSecondFactor): Promise<never> {
  // Update data, not a session field: the jwt callback reads it (config.ts) and it is never stored.
  await updateSession({ mfaProof: secondFactorProof(pending.challenge) } as Parameters<typeof updateSession>[0]);
  redirect('/');
}

export async function verifySecondFactorAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const pending = await pendingSecondFactor();
  if (!pending) return { status: 'error', message: SIGN_IN_AGAIN };
  const read = readCode(formData, 'Enter the code from your authenticator app, or a recovery code.');
  if ('error' in read) return read.error;
  const result = await verifySecondFactor(await getDb(), await attemptOf(pending, read.code));
  // Never echo the code back: a refused form starts empty.
  if (!result.ok) return { status: 'error', message: CODE_FAILED_MESSAGE };
  return finishSignIn(pending);
}

export async function confirmEnrollmentAction(_previous: EnrollmentState, formData: FormData): Promise<EnrollmentState> {
  const pending = await pendingSecondFactor();
  if (!pending) return { status: 'error', message: SIGN_IN_AGAIN };
  const read = readCode(formData, 'Enter the six-digit code your authenticator app shows.');
  if ('error' in read) return read.error;
  const result = await confirmEnrollment(await getDb(), await attemptOf(pending, read.code));
  if (!result.ok) return { status: 'error', message: CODE_FAILED_MESSAGE };
  return { status: 'ok', recoveryCodes: result.recoveryCodes, ticket: secondFactorProof(pending.challenge, 'enrollment') };
}

/** "Continue" after the recovery codes were shown: the ticket proves this session confirmed its factor. */
export async function finishEnrollmentAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const pending = await pendingSecondFactor();
  if (!pending) return { status: 'error', message: SIGN_IN_AGAIN };
  if (!isValidProof(formData.get('ticket'), pending.challenge, 'enrollment')) return { status: 'error', message: SIGN_IN_AGAIN };
  return finishSignIn(pending);
}
