'use client';
// Creates a sign-in for a colleague. After a refusal the form keeps what was typed, except
// the password, which the server never echoes back.
import { useActionState } from 'react';
import { IDLE } from '@/lib/actions/state';
import { ROLES, ROLE_LABELS } from '@/lib/domain';
import { createUserAction } from '@/lib/users/actions';
// From the policy module, not the zod validators: zod must stay out of the browser bundle
// (its JIT probe is an eval the Content-Security-Policy refuses).
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password-policy';
import { Field } from '@/components/ui/field';
import { FormBanner } from '@/components/ui/form-banner';
import { SubmitButton } from '@/components/ui/submit-button';

export function CreateUserForm() {
  const [state, formAction] = useActionState(createUserAction, IDLE);
  return (
    <form action={formAction} noValidate aria-label="Create user">
      <FormBanner state={state} />
      <Field label="Email" name="email" state={state} idPrefix="create-user-">
        {(p) => <input {...p} type="email" autoComplete="off" />}
      </Field>
      <Field label="Name" name="name" state={state} idPrefix="create-user-">
        {(p) => <input {...p} type="text" autoComplete="off" />}
      </Field>
      <Field label="Role" name="role" state={state} defaultValue="" idPrefix="create-user-">
        {(p) => (
          <select {...p}>
            <option value="">Choose…</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label="Initial password"
        name="password"
        state={state}
        keepValue={false}
        idPrefix="create-user-"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters. Give it to the person through a separate channel.`}
      >
        {(p) => <input {...p} type="password" autoComplete="new-password" />}
      </Field>
      <SubmitButton className="primary" pendingLabel="Creating…">
        Create user
      </SubmitButton>
    </form>
  );
}
