'use client';
import { useActionState } from 'react';
import { expireEntryAction, markFalsePositiveAction, removeEntryAction } from '@/lib/intel/actions';
import { IDLE } from '@/lib/actions/state';
import { SubmitButton } from '@/components/ui/submit-button';

/**
 * Per-row buttons, all audited. False positive and expire keep the entry (it stops counting);
 * remove deletes it, for a value that should never have been listed.
 */
export function EntryActions({ id, active }: { id: string; active: boolean }) {
  const [fpState, markFalsePositive] = useActionState(markFalsePositiveAction, IDLE);
  const [expireState, expire] = useActionState(expireEntryAction, IDLE);
  const [removeState, remove] = useActionState(removeEntryAction, IDLE);
  const error = [fpState, expireState, removeState].find((s) => s.status === 'error')?.message;
  return (
    <div className="row">
      {active && (
        <>
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
        </>
      )}
      <form action={remove}>
        <input type="hidden" name="id" value={id} />
        <SubmitButton className="link" pendingLabel="…">
          Remove
        </SubmitButton>
      </form>
      {error && <span className="field-error" role="alert">{error}</span>}
    </div>
  );
}
