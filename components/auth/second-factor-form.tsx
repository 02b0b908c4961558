'use client';
// The code step of a cso's or admin's sign-in: a code from the authenticator app, or one of
// the recovery codes. A refused code is never put back into the field.
import { useActionState } from 'react';
import { IDLE } from '@/lib/actions/state';
import { verifySecondFactorAction } from '@/lib/auth/mfa/actions';
import { Field } from '@/components/ui/field';
import { FormBanner } from '@/components/ui/form-banner';
import { SubmitButton } from '@/components/ui/submit-button';

export function SecondFactorForm() {
  const [state, action] = useActionState(verifySecondFactorAction, IDLE);
  return (
    <form action={action} noValidate>
      <FormBanner state={state} />
      <Field label="Authentication code" name="code" state={state} keepValue={false} hint="The six digits your authenticator app shows, or one of your recovery codes.">
        {(props) => <input {...props} autoComplete="one-time-code" autoCapitalize="characters" spellCheck={false} autoFocus />}
      </Field>
      <SubmitButton className="primary" pendingLabel="Checking…">
        Verify
      </SubmitButton>
    </form>
  );
}
