'use client';
import { useActionState } from 'react';
import { signInAction } from '@/lib/auth/actions';
import { IDLE } from '@/lib/actions/state';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { FormBanner } from '@/components/ui/form-banner';

export function SignInForm() {
  const [state, action] = useActionState(signInAction, IDLE);
  return (
    <form action={action} noValidate>
      <FormBanner state={state} />
      <Field label="Email" name="email" state={state}>
        {(props) => <input {...props} type="email" autoComplete="username" autoFocus />}
      </Field>
      <Field label="Password" name="password" state={state} keepValue={false}>
        {(props) => <input {...props} type="password" autoComplete="current-password" />}
      </Field>
      <SubmitButton className="primary" pendingLabel="Signing in…">
        Sign in
      </SubmitButton>
    </form>
  );
}
