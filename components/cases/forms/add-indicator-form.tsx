'use client';
import { addIndicatorAction } from '@/lib/cases/actions';
import { Field } from '@/components/ui/field';
import { ActionForm, useCaseAction } from './action-form';

export interface CatalogOption {
  code: string;
  title: string;
  category: string;
  severity: string;
}

export function AddIndicatorForm({ reference, catalog }: { reference: string; catalog: CatalogOption[] }) {
  const [state, formAction] = useCaseAction(addIndicatorAction);
  const categories = [...new Set(catalog.map((c) => c.category))];
  return (
    <ActionForm state={state} formAction={formAction} reference={reference} submitLabel="Add indicator" label="Add indicator">
      <Field label="Indicator" name="code" state={state} defaultValue="" idPrefix="indicator-">
        {(p) => (
          <select {...p}>
            <option value="">Choose from the catalog…</option>
            {categories.map((category) => (
              <optgroup key={category} label={category.replaceAll('_', ' ')}>
                {catalog
                  .filter((c) => c.category === category)
                  .map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.title} ({c.severity})
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        )}
      </Field>
      <Field label="Evidence" name="evidence" state={state} idPrefix="indicator-" hint="What was observed, where, and when.">
        {(p) => <textarea {...p} rows={2} />}
      </Field>
    </ActionForm>
  );
}
