'use client';
// Revokes one API token: requests with it are refused from the next one on.
import { useActionState } from 'react';
import { revokeApiTokenAction } from '@/lib/api-tokens/actions';
import { IDLE } from '@/lib/actions/state';
import { SubmitButton } from '@/components/ui/submit-button';

export function RevokeTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const [state, formAction] = useActionState(revokeApiTokenAction, IDLE);
  return (
    <form action={formAction} aria-label={`Revoke token ${name}`}>
      <input type="hidden" name="tokenId" value={tokenId} />
      <SubmitButton className="danger" pendingLabel="Revoking…">
        Revoke
      </SubmitButton>
      {state.status === 'error' && state.message && (
        <div className="field-error" role="alert">
          {state.message}
        </div>
      )}
    </form>
  );
}
