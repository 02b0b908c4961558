'use client';
import { useActionState } from 'react';
import { IDLE } from '@/lib/actions/state';
import { deleteWebhookAction, setWebhookEnabledAction } from '@/lib/webhooks/actions';
import { SubmitButton } from '@/components/ui/submit-button';

export function WebhookActions({ id, name, enabled }: { id: string; name: string; enabled: boolean }) {
  const [toggleState, toggle] = useActionState(setWebhookEnabledAction, IDLE);
  const [deleteState, remove] = useActionState(deleteWebhookAction, IDLE);
  const error = [toggleState, deleteState].find((s) => s.status === 'error')?.message;
  return (
    <div className="row">
      <form action={toggle} aria-label={`${enabled ? 'Disable' : 'Enable'} ${name}`}>
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="enabled" value={enabled ? 'false' : 'true'} />
        <SubmitButton className="link" pendingLabel="…">
          {enabled ? 'Disable' : 'Enable'}
        </SubmitButton>
      </form>
      <form action={remove} aria-label={`Delete ${name}`}>
        <input type="hidden" name="id" value={id} />
        <SubmitButton className="link" pendingLabel="…">
          Delete
        </SubmitButton>
      </form>
      {error && <span className="field-error" role="alert">{error}</span>}
    </div>
  );
}
