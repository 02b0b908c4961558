'use client';
import { recordProofingAction } from '@/lib/cases/actions';
import { CHECK_RESULTS, CHECK_RESULT_LABELS, PROOFING_CHECKS, PROOFING_CHECK_LABELS } from '@/lib/domain';
import { Field } from '@/components/ui/field';
import { ActionForm, useCaseAction } from './action-form';

export function ProofingForm({ reference }: { reference: string }) {
  const [state, formAction] = useCaseAction(recordProofingAction);
  return (
    <ActionForm state={state} formAction={formAction} reference={reference} submitLabel="Record result" label="Record proofing result">
      <div className="field-row">
        <Field label="Check" name="check" state={state} defaultValue={PROOFING_CHECKS[0]} idPrefix="proofing-">
          {(p) => (
            <select {...p}>
              {PROOFING_CHECKS.map((c) => (
                <option key={c} value={c}>
                  {PROOFING_CHECK_LABELS[c]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Result" name="result" state={state} defaultValue="pass" idPrefix="proofing-">
          {(p) => (
            <select {...p}>
              {CHECK_RESULTS.map((r) => (
                <option key={r} value={r}>
                  {CHECK_RESULT_LABELS[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label="Proofing note" name="note" state={state} idPrefix="proofing-">
        {(p) => <input {...p} type="text" />}
      </Field>
    </ActionForm>
  );
}
