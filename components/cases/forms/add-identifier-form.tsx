'use client';
import { addIdentifierAction } from '@/lib/cases/actions';
import { IDENTIFIER_KINDS, IDENTIFIER_KIND_LABELS } from '@/lib/domain';
import { Field } from '@/components/ui/field';
import { ActionForm, useCaseAction } from './action-form';

export function AddIdentifierForm({ reference }: { reference: string }) {
  const [state, formAction] = useCaseAction(addIdentifierAction);
  return (
    <ActionForm state={state} formAction={formAction} reference={reference} submitLabel="Add identifier" label="Add identifier">
      <div className="field-row">
        <Field label="Kind" name="kind" state={state} defaultValue="email" idPrefix="identifier-">
          {(p) => (
            <select {...p}>
              {IDENTIFIER_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {IDENTIFIER_KIND_LABELS[kind]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Value" name="value" state={state} idPrefix="identifier-">
          {(p) => <input {...p} type="text" autoComplete="off" />}
        </Field>
        <Field label="Source" name="source" state={state} defaultValue="Investigation" idPrefix="identifier-">
          {(p) => <input {...p} type="text" />}
        </Field>
      </div>
    </ActionForm>
  );
}
