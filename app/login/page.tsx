import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { HOME_BY_ROLE } from '@/lib/auth/permissions';
import { currentUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage() {
  const user = await currentUser();
  if (user) redirect(HOME_BY_ROLE[user.role]);
  return (
    <main className="center-page">
      <div className="card auth-card">
        <div className="brand" style={{ color: 'var(--text)', padding: '0 0 4px' }}>
          Hire<span style={{ color: 'var(--accent)' }}>watch</span>
        </div>
        <p className="muted small" style={{ marginTop: 0 }}>
          Security operations against hiring fraud. Sign in with your work account.
        </p>
        <SignInForm />
      </div>
    </main>
  );
}
