'use client';
import { addInterviewAction } from '@/lib/cases/actions';
import { INTERVIEW_KINDS, INTERVIEW_KIND_LABELS, INTERVIEW_OBSERVATIONS, INTERVIEW_OUTCOMES, INTERVIEW_OUTCOME_LABELS, OBSERVATION_LABELS } from '@/lib/domain';
import { Field } from '@/components/ui/field';
import { ActionForm, useCaseAction } from './action-form';

export function AddInterviewForm({ reference, today }: { reference: string; today: string }) {
  const [state, formAction] = useCaseAction(addInterviewAction);
  const submitted = state.status === 'error' ? state.values?.observations : undefined;
  const checked = new Set(Array.isArray(submitted) ? submitted : submitted ? [submitted] : []);
  const observationError = state.fieldErrors?.observations;
  return (
    <ActionForm state={state} formAction={formAction} reference={reference} submitLabel="Record interview" label="Record interview round">
      <div className="field-row">
        <Field label="Date" name="heldOn" state={state} defaultValue={today} idPrefix="interview-">
          {(p) => <input {...p} type="date" max={today} />}
        </Field>
        <Field label="Kind" name="kind" state={state} defaultValue="technical" idPrefix="interview-">
          {(p) => (
            <select {...p}>
              {INTERVIEW_KINDS.map((k) => (
                <option key={k} value={k}>
                  {INTERVIEW_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Outcome" name="outcome" state={state} defaultValue="advance" idPrefix="interview-">
          {(p) => (
            <select {...p}>
              {INTERVIEW_OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {INTERVIEW_OUTCOME_LABELS[o]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="field-row">
        <Field label="Interviewer" name="interviewer" state={state} idPrefix="interview-">
          {(p) => <input {...p} type="text" />}
        </Field>
        <Field label="Name the candidate used" name="nameUsed" state={state} idPrefix="interview-" hint="As introduced or shown on the call.">
          {(p) => <input {...p} type="text" />}
        </Field>
      </div>
      <fieldset>
        <legend>Observations</legend>
        <div className="checks">
          {INTERVIEW_OBSERVATIONS.map((o) => (
            <label key={`${o}-${state.savedAt ?? 0}`}>
              <input type="checkbox" name="observations" value={o} defaultChecked={checked.has(o)} /> {OBSERVATION_LABELS[o]}
            </label>
          ))}
        </div>
        {observationError && <div className="field-error">{observationError.join(' ')}</div>}
      </fieldset>
      <Field label="Notes" name="notes" state={state} idPrefix="interview-">
        {(p) => <textarea {...p} rows={2} />}
      </Field>
    </ActionForm>
  );
}
