'use client';
import { uploadEvidenceAction } from '@/lib/evidence/actions';
import { Field } from '@/components/ui/field';
import { ActionForm, useCaseAction } from './action-form';

export function UploadEvidenceForm({ reference, maxSize }: { reference: string; maxSize: string }) {
  const [state, formAction] = useCaseAction(uploadEvidenceAction);
  return (
    <ActionForm state={state} formAction={formAction} reference={reference} submitLabel="Upload" label="Attach evidence">
      <Field label="File" name="file" state={state} idPrefix="evidence-" keepValue={false} hint={`PDF, PNG, JPEG, WebP, DOCX or plain text, up to ${maxSize}. The type is checked from the content, not the name.`}>
        {(p) => <input {...p} type="file" accept=".pdf,.png,.jpg,.jpeg,.webp,.docx,.txt" />}
      </Field>
    </ActionForm>
  );
}
