'use server';
// Sign-in and sign-out as server actions. One generic failure message: it must not tell an
// attacker whether the email exists, the account is disabled or sign-in is being throttled.
import { AuthError } from 'next-auth';
import type { ActionState } from '@/lib/actions/state';
import { signIn, signOut } from './auth';
import { SIGN_IN_FAILED_MESSAGE } from './credentials';

export async function signInAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const email = String(formData.get('email') ?? '').trim();
  const password = String(formData.get('password') ?? '');
  const fieldErrors: Record<string, string[]> = {};
  if (!email) fieldErrors.email = ['Enter your email.'];
  if (!password) fieldErrors.password = ['Enter your password.'];
  if (Object.keys(fieldErrors).length > 0) return { status: 'error', fieldErrors, values: { email } };
  try {
    await signIn('credentials', { email, password, redirectTo: '/' });
  } catch (error) {
    if (error instanceof AuthError) {
      return { status: 'error', message: SIGN_IN_FAILED_MESSAGE, values: { email } };
    }
    throw error; // the redirect after a successful sign-in
  }
  return { status: 'ok' };
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/login' });
}
