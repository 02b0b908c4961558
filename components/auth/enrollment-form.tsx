'use client';
// Enrollment of an authenticator app: confirm with its first code, then see the recovery codes
// once, then continue into the app. The codes exist in plain text only in this answer.
import { useActionState } from 'react';
import { IDLE } from '@/lib/actions/state';
import { confirmEnrollmentAction, finishEnrollmentAction } from '@/lib/auth/mfa/actions';
import type { EnrollmentState } from '@/lib/auth/mfa/state';
import { Field } from '@/components/ui/field';
import { FormBanner } from '@/components/ui/form-banner';
import { SubmitButton } from '@/components/ui/submit-button';

function RecoveryCodes({ codes, ticket }: { codes: string[]; ticket: string }) {
  const [state, finish] = useActionState(finishEnrollmentAction, IDLE);
  return (
    <section aria-labelledby="recovery-codes-heading">
      <div className="banner banner-ok" role="status">
        Your authenticator app is set up.
      </div>
      <h2 id="recovery-codes-heading">Recovery codes</h2>
      <p className="small">
        Keep these somewhere safe, apart from your phone. Each one signs you in once if you lose your authenticator app. They are shown only now.
      </p>
      <ul className="mono" aria-label="Recovery codes" style={{ columns: 2, listStyle: 'none', padding: 0 }}>
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <form action={finish}>
        <FormBanner state={state} />
        <input type="hidden" name="ticket" value={ticket} />
        <SubmitButton className="primary" pendingLabel="Continuing…">
          I have saved my recovery codes
        </SubmitButton>
      </form>
    </section>
  );
}

export function EnrollmentForm() {
  const [state, action] = useActionState<EnrollmentState, FormData>(confirmEnrollmentAction, IDLE);
  if (state.status === 'ok' && state.recoveryCodes && state.ticket) return <RecoveryCodes codes={state.recoveryCodes} ticket={state.ticket} />;
  return (
    <form action={action} noValidate>
      <FormBanner state={state} />
      <Field label="Code from your app" name="code" state={state} keepValue={false} hint="The six digits it shows for Hirewatch.">
        {(props) => <input {...props} inputMode="numeric" autoComplete="one-time-code" spellCheck={false} />}
      </Field>
      <SubmitButton className="primary" pendingLabel="Checking…">
        Confirm
      </SubmitButton>
    </form>
  );
}
