import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { SignInForm } from '@/components/auth/sign-in-form';
import { HOME_BY_ROLE } from '@/lib/auth/permissions';
import { SECOND_FACTOR_PATH } from '@/lib/auth/mfa/policy';
import { currentUser, pendingSecondFactor } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage() {
  const user = await currentUser();
  if (user) redirect(HOME_BY_ROLE[user.role]);
  if (await pendingSecondFactor()) redirect(SECOND_FACTOR_PATH);
  return (
    <AuthCard>
      <p className="muted small" style={{ marginTop: 0 }}>
        Security operations against hiring fraud. Sign in with your work account.
      </p>
      <SignInForm />
    </AuthCard>
  );
}
