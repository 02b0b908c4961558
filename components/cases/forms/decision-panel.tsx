'use client';
// Workflow moves for this viewer on this case. The version the page was rendered with goes
// with every move: if someone else acted first, the server answers "this case changed".
import { moveCaseAction } from '@/lib/cases/actions';
import type { CaseMove } from '@/lib/cases/lifecycle';
// lifecycle.ts, not validators.ts: zod must stay out of the browser bundle (CSP refuses its eval probe).
import { MOVE_LABELS, RATIONALE_HINT } from '@/lib/cases/lifecycle';
import { Field } from '@/components/ui/field';
import { FormBanner } from '@/components/ui/form-banner';
import { SubmitButton } from '@/components/ui/submit-button';
import { useCaseAction } from './action-form';

const TONE: Record<CaseMove, string> = {
  start_investigating: 'primary',
  submit_for_decision: 'primary',
  escalate: 'danger',
  clear: 'success',
  reopen: '',
};

export function DecisionPanel({ reference, version, moves }: { reference: string; version: number; moves: CaseMove[] }) {
  const [state, formAction] = useCaseAction(moveCaseAction);
  const needsRationale = moves.some((m) => m === 'escalate' || m === 'clear' || m === 'reopen');
  return (
    <form action={formAction} noValidate aria-label="Case workflow" className="no-print">
      <FormBanner state={state} />
      <input type="hidden" name="reference" value={reference} />
      <input type="hidden" name="version" value={version} />
      {needsRationale && (
        <Field label="Rationale" name="rationale" state={state} hint={RATIONALE_HINT}>
          {(p) => <textarea {...p} rows={4} />}
        </Field>
      )}
      <div className="row">
        {moves.map((move) => (
          <SubmitButton key={move} name="move" value={move} className={TONE[move]} pendingLabel="Working…">
            {MOVE_LABELS[move]}
          </SubmitButton>
        ))}
      </div>
    </form>
  );
}
