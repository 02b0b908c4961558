'use client';
import { assignCaseAction } from '@/lib/cases/actions';
import { Field } from '@/components/ui/field';
import { ActionForm, useCaseAction } from './action-form';

export function AssignForm({ reference, assigneeId, investigators }: { reference: string; assigneeId: string | null; investigators: { id: string; name: string; role: string }[] }) {
  const [state, formAction] = useCaseAction(assignCaseAction);
  return (
    <ActionForm state={state} formAction={formAction} reference={reference} submitLabel="Assign" label="Assign case">
      <Field label="Assignee" name="assigneeId" state={state} defaultValue={assigneeId ?? ''} idPrefix="assign-">
        {(p) => (
          <select {...p}>
            <option value="">Choose…</option>
            {investigators.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name} ({person.role})
              </option>
            ))}
          </select>
        )}
      </Field>
    </ActionForm>
  );
}
