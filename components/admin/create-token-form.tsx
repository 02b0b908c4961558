'use client';
// Creates an API token for an integration. The secret comes back once, in the action's
// answer, and is shown here until the page is left; the server keeps only its hash.
import { useActionState } from 'react';
import { createApiTokenAction } from '@/lib/api-tokens/actions';
import { IDLE } from '@/lib/actions/state';
import { Field } from '@/components/ui/field';
import { FormBanner } from '@/components/ui/form-banner';
import { SubmitButton } from '@/components/ui/submit-button';

export function CreateTokenForm() {
  const [state, formAction] = useActionState(createApiTokenAction, IDLE);
  return (
    <form action={formAction} noValidate aria-label="Create API token">
      <FormBanner state={state} />
      {state.status === 'ok' && state.reveal && (
        <div className="field">
          <label htmlFor="new-token-secret">New token secret (shown once)</label>
          <input id="new-token-secret" className="mono" readOnly value={state.reveal} onFocus={(e) => e.currentTarget.select()} />
        </div>
      )}
      <Field label="Token name" name="name" state={state} idPrefix="create-token-" hint="What it is for, e.g. greenhouse-sync.">
        {(p) => <input {...p} type="text" autoComplete="off" />}
      </Field>
      <Field label="Token role" name="role" state={state} defaultValue="" idPrefix="create-token-">
        {(p) => (
          <select {...p}>
            <option value="">Choose…</option>
            <option value="recruiter">Recruiter: submit candidates, read their clearance</option>
            <option value="lead">Security lead: also read cases, manage the watchlist</option>
          </select>
        )}
      </Field>
      <Field label="Expires on" name="expiresOn" state={state} idPrefix="create-token-" hint="Optional; the token stops working after that day (UTC).">
        {(p) => <input {...p} type="date" />}
      </Field>
      <SubmitButton className="primary" pendingLabel="Creating…">
        Create token
      </SubmitButton>
    </form>
  );
}
