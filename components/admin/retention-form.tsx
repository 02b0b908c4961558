'use client';
// The retention period of cleared applicants' personal data, and the button that erases
// those past it now (the same run as `npm run hirewatch -- retention run`). Both are audited.
import { useActionState } from 'react';
import { IDLE } from '@/lib/actions/state';
import { runRetentionAction, setRetentionDaysAction } from '@/lib/retention/actions';
import { Field } from '@/components/ui/field';
import { FormBanner } from '@/components/ui/form-banner';
import { SubmitButton } from '@/components/ui/submit-button';

export function RetentionForm({ days, min, max, due }: { days: number; min: number; max: number; due: string[] }) {
  const [state, formAction] = useActionState(setRetentionDaysAction, IDLE);
  const [runState, runAction] = useActionState(runRetentionAction, IDLE);
  return (
    <>
      <form action={formAction} noValidate aria-label="Retention period">
        <FormBanner state={state} />
        <Field label="Retention period (days)" name="days" state={state} defaultValue={String(days)} idPrefix="retention-" hint={`${min}–${max} days after the clearance decision.`}>
          {(p) => <input {...p} type="number" inputMode="numeric" min={min} max={max} />}
        </Field>
        <SubmitButton className="primary" pendingLabel="Saving…">
          Save retention period
        </SubmitButton>
      </form>
      <form action={runAction} noValidate aria-label="Erase due applicants" style={{ marginTop: 14 }}>
        <FormBanner state={runState} />
        <p className="small">
          {due.length === 0 ? 'No cleared applicant is past the retention period.' : `Due for erasure: ${due.join(', ')}.`} Erasure removes identifiers,
          names, notes and other free text, and evidence files; counts, outcomes, regions and dates stay for the trends.
        </p>
        <Field label='Type "erase" to confirm' name="confirm" state={runState} idPrefix="retention-">
          {(p) => <input {...p} type="text" autoComplete="off" />}
        </Field>
        <SubmitButton className="danger" pendingLabel="Erasing…">
          Erase due applicants now
        </SubmitButton>
      </form>
    </>
  );
}
