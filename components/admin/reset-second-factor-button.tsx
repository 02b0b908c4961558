'use client';
// Reset one user's second factor (a lost phone): their authenticator and recovery codes go,
// their sessions end, and their next sign-in sets up a new authenticator. Audited.
import { useActionState } from 'react';
import { IDLE } from '@/lib/actions/state';
import { resetSecondFactorAction } from '@/lib/users/actions';
import { SubmitButton } from '@/components/ui/submit-button';
import { ActionMessage } from './action-message';

// Stays mounted after a successful reset (enrolled turns false), so its message survives the
// row re-rendering without the button.
export function ResetSecondFactorButton({ userId, email, enrolled }: { userId: string; email: string; enrolled: boolean }) {
  const [state, formAction] = useActionState(resetSecondFactorAction, IDLE);
  if (!enrolled) return <ActionMessage state={state} id={`reset-second-factor-${userId}`} />;
  return (
    <form action={formAction} aria-label={`Reset the second factor of ${email}`}>
      <input type="hidden" name="userId" value={userId} />
      <SubmitButton pendingLabel="Resetting…">Reset second factor</SubmitButton>
      <ActionMessage state={state} id={`reset-second-factor-${userId}`} />
    </form>
  );
}
