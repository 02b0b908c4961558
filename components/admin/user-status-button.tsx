'use client';
// Disable or enable one user. The server refuses an administrator disabling themself; its
// answer shows under the button, and a disabled user's sessions end at once.
import { useActionState } from 'react';
import { IDLE } from '@/lib/actions/state';
import { disableUserAction, enableUserAction } from '@/lib/users/actions';
import { SubmitButton } from '@/components/ui/submit-button';
import { ActionMessage } from './action-message';

export function UserStatusButton({ userId, email, disabled }: { userId: string; email: string; disabled: boolean }) {
  // One state across both actions, so the message of the last click survives the row flipping.
  const [state, formAction] = useActionState(disabled ? enableUserAction : disableUserAction, IDLE);
  const messageId = `user-status-${userId}`;
  return (
    <form action={formAction} aria-label={`${disabled ? 'Enable' : 'Disable'} ${email}`}>
      <input type="hidden" name="userId" value={userId} />
      <SubmitButton className={disabled ? undefined : 'danger'} pendingLabel={disabled ? 'Enabling…' : 'Disabling…'}>
        {disabled ? 'Enable' : 'Disable'}
      </SubmitButton>
      <ActionMessage state={state} id={messageId} />
    </form>
  );
}
