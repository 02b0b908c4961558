import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { EnrollmentForm } from '@/components/auth/enrollment-form';
import { QrCode } from '@/components/auth/qr-code';
import { SecondFactorForm } from '@/components/auth/second-factor-form';
import { signOutAction } from '@/lib/auth/actions';
import { qrMatrix } from '@/lib/auth/mfa/qr';
import { enrollmentSecret, hasConfirmedFactor } from '@/lib/auth/mfa/store';
import { otpauthUri } from '@/lib/auth/mfa/totp';
import { HOME_BY_ROLE } from '@/lib/auth/permissions';
import { currentUser, pendingSecondFactor } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';

export const metadata: Metadata = { title: 'Second factor' };

// The second step of a cso's or admin's sign-in. Only a half-signed-in session reaches it: the
// code form, or, for someone without an authenticator yet, its enrollment.
export default async function SecondFactorPage() {
  const user = await currentUser();
  if (user) redirect(HOME_BY_ROLE[user.role]);
  const pending = await pendingSecondFactor();
  if (!pending) redirect('/login');

  const db = await getDb();
  const secret = (await hasConfirmedFactor(db, pending.id)) ? null : await enrollmentSecret(db, pending.id);
  const uri = secret ? otpauthUri(secret, pending.email) : null;
  return (
    <AuthCard className="stack">
      {secret && uri ? (
        <>
          <h1 style={{ fontSize: 18, margin: 0 }}>Set up your authenticator app</h1>
          <p className="muted small" style={{ margin: 0 }}>
            Your role needs a second factor. Scan the code with an authenticator app (any TOTP app), or enter the key by hand, then confirm with the code it shows.
          </p>
          <QrCode matrix={qrMatrix(uri)} label="QR code to add Hirewatch to an authenticator app" />
          <div className="small">
            <div>
              Key: <code aria-label="Setup key">{secret.match(/.{1,4}/g)?.join(' ')}</code>
            </div>
            <details>
              <summary>Setup link</summary>
              <code style={{ wordBreak: 'break-all' }}>{uri}</code>
            </details>
          </div>
          <EnrollmentForm />
        </>
      ) : (
        <>
          <h1 style={{ fontSize: 18, margin: 0 }}>Enter your code</h1>
          <p className="muted small" style={{ margin: 0 }}>
            Signed in as {pending.email}. Open your authenticator app to finish signing in.
          </p>
          <SecondFactorForm />
        </>
      )}
      <form action={signOutAction}>
        <button type="submit" className="link small">
          Sign out
        </button>
      </form>
    </AuthCard>
  );
}
