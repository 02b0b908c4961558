'use client';
// Create a webhook endpoint. A generated secret comes back once in the success message;
// an entered secret is never echoed back, not even after a refusal.
import { useActionState } from 'react';
import { IDLE } from '@/lib/actions/state';
import { createWebhookAction } from '@/lib/webhooks/actions';
import { WEBHOOK_EVENTS } from '@/lib/domain';
import { Field } from '@/components/ui/field';
import { FormBanner } from '@/components/ui/form-banner';
import { SubmitButton } from '@/components/ui/submit-button';

const EVENT_LABELS: Record<(typeof WEBHOOK_EVENTS)[number], string> = {
  'case.escalated': 'case.escalated: a CSO escalated a case',
  'case.cleared': 'case.cleared: a CSO cleared a case',
  'watchlist.critical_hit': 'watchlist.critical_hit: an undecided case became critical on a watchlist hit',
};

export function WebhookForm() {
  const [state, action] = useActionState(createWebhookAction, IDLE);
  const submitted = state.status === 'error' ? state.values?.events : undefined;
  const checked = new Set(submitted === undefined ? WEBHOOK_EVENTS : Array.isArray(submitted) ? submitted : [submitted]);
  const eventsError = state.fieldErrors?.events;
  return (
    <form action={action} noValidate aria-label="Add webhook endpoint" key={state.savedAt}>
      <FormBanner state={state} />
      <Field label="Name" name="name" state={state} idPrefix="webhook-">
        {(p) => <input {...p} type="text" />}
      </Field>
      <Field label="URL" name="url" state={state} idPrefix="webhook-" hint="https://…; plain http only to localhost in production.">
        {(p) => <input {...p} type="url" inputMode="url" autoComplete="off" />}
      </Field>
      <Field label="Secret (optional)" name="secret" state={state} idPrefix="webhook-" keepValue={false} hint="Leave empty to have one generated and shown once.">
        {(p) => <input {...p} type="password" autoComplete="new-password" />}
      </Field>
      <fieldset>
        <legend>Events</legend>
        <div className="checks">
          {WEBHOOK_EVENTS.map((event) => (
            // Keyed by what was submitted: React applies defaultChecked only on mount.
            <label key={`${event}-${String(submitted)}`}>
              <input type="checkbox" name="events" value={event} defaultChecked={checked.has(event)} /> {EVENT_LABELS[event]}
            </label>
          ))}
        </div>
        {eventsError && <div className="field-error" role="alert">{eventsError.join(' ')}</div>}
      </fieldset>
      <SubmitButton className="primary" pendingLabel="Adding…">
        Add endpoint
      </SubmitButton>
    </form>
  );
}
