'use client';
import { addNoteAction } from '@/lib/cases/actions';
import { Field } from '@/components/ui/field';
import { ActionForm, useCaseAction } from './action-form';

export function AddNoteForm({ reference }: { reference: string }) {
  const [state, formAction] = useCaseAction(addNoteAction);
  return (
    <ActionForm state={state} formAction={formAction} reference={reference} submitLabel="Add note" label="Add note">
      <Field label="Note" name="body" state={state} idPrefix="note-" hint="Markdown: **bold**, *italic*, lists, `code`, links (http, https, mailto only; HTML shows as text). Visible to security leads and CSOs only.">
        {(p) => <textarea {...p} rows={3} />}
      </Field>
    </ActionForm>
  );
}
