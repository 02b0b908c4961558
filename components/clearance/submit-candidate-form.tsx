'use client';
import { useActionState } from 'react';
import { submitCandidateAction } from '@/lib/cases/actions';
import { IDLE } from '@/lib/actions/state';
import { CANDIDATE_SOURCES, REGIONS, REGION_LABELS, SOURCE_LABELS } from '@/lib/domain';
import { Field } from '@/components/ui/field';
import { FormBanner } from '@/components/ui/form-banner';
import { SubmitButton } from '@/components/ui/submit-button';

export function SubmitCandidateForm() {
  const [state, action] = useActionState(submitCandidateAction, IDLE);
  return (
    <form action={action} noValidate aria-label="Submit a candidate for screening">
      <FormBanner state={state} />
      <div className="field-row">
        <Field label="Name the candidate gave" name="claimedName" state={state}>
          {(p) => <input {...p} type="text" autoComplete="off" />}
        </Field>
        <Field label="Name on the résumé" name="resumeName" state={state}>
          {(p) => <input {...p} type="text" autoComplete="off" />}
        </Field>
      </div>
      <Field label="Role applied for" name="jobRole" state={state}>
        {(p) => <input {...p} type="text" />}
      </Field>
      <div className="field-row">
        <Field label="Targeted office / region" name="region" state={state} defaultValue="">
          {(p) => (
            <select {...p}>
              <option value="">Choose…</option>
              {REGIONS.map((r) => (
                <option key={r} value={r}>
                  {REGION_LABELS[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Source" name="source" state={state} defaultValue="">
          {(p) => (
            <select {...p}>
              <option value="">Choose…</option>
              {CANDIDATE_SOURCES.map((s) => (
                <option key={s} value={s}>
                  {SOURCE_LABELS[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="field-row">
        <Field label="Email" name="email" state={state}>
          {(p) => <input {...p} type="email" autoComplete="off" />}
        </Field>
        <Field label="Phone (optional)" name="phone" state={state} hint="International format, e.g. +44 20 7946 0958">
          {(p) => <input {...p} type="text" autoComplete="off" />}
        </Field>
      </div>
      <Field label="LinkedIn (optional)" name="linkedin" state={state}>
        {(p) => <input {...p} type="text" autoComplete="off" />}
      </Field>
      <SubmitButton className="primary" pendingLabel="Submitting…">
        Submit for screening
      </SubmitButton>
    </form>
  );
}
