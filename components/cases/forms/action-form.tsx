'use client';
// A form bound to a server action: banner for the form-level message, a pending submit
// button, and field errors and echoed values handed to the fields through the state.
import { useActionState, type ReactNode } from 'react';
import type { ActionState } from '@/lib/actions/state';
import { IDLE } from '@/lib/actions/state';
import { FormBanner } from '@/components/ui/form-banner';
import { SubmitButton } from '@/components/ui/submit-button';

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

export function useCaseAction(action: Action) {
  return useActionState(action, IDLE);
}

export function ActionForm({
  state,
  formAction,
  reference,
  submitLabel,
  label,
  children,
}: {
  state: ActionState;
  formAction: (formData: FormData) => void;
  reference: string;
  submitLabel: string;
  label: string;
  children: ReactNode;
}) {
  return (
    <form action={formAction} noValidate aria-label={label} className="no-print">
      <FormBanner state={state} />
      <input type="hidden" name="reference" value={reference} />
      {children}
      <SubmitButton className="primary">{submitLabel}</SubmitButton>
    </form>
  );
}
