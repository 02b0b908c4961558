'use client';
import { useActionState } from 'react';
import { expireEntryAction, markFalsePositiveAction } from '@/lib/intel/actions';
import { IDLE } from '@/lib/actions/state';
import { SubmitButton } from '@/components/ui/submit-button';

/** Per-row buttons: both stop an entry from counting, and both are audited. */
export function EntryActions({ id }: { id: string }) {
  const [fpState, markFalsePositive] = useActionState(markFalsePositiveAction, IDLE);
  const [expireState, expire] = useActionState(expireEntryAction, IDLE);
  const error = [fpState, expireState].find((s) => s.status === 'error')?.message;
  return (
    <div className="row">
      <form action={markFalsePositive}>
        <input type="hidden" name="id" value={id} />
        <SubmitButton className="link" pendingLabel="…">
          False positive
        </SubmitButton>
      </form>
      <form action={expire}>
        <input type="hidden" name="id" value={id} />
        <SubmitButton className="link" pendingLabel="…">
          Expire now
        </SubmitButton>
      </form>
      {error && <span className="field-error" role="alert">{error}</span>}
    </div>
  );
}
