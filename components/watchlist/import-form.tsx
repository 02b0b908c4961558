'use client';
import { useActionState } from 'react';
import { importWatchlistFileAction } from '@/lib/intel/actions';
import { IDLE } from '@/lib/actions/state';
import { FormBanner } from '@/components/ui/form-banner';
import { SubmitButton } from '@/components/ui/submit-button';

/** Upload a CSV (all-or-nothing) or a STIX 2.1 bundle (per indicator); problems are listed by row. */
export function ImportWatchlistForm() {
  const [state, action] = useActionState(importWatchlistFileAction, IDLE);
  const problems = state.fieldErrors?.file ?? [];
  return (
    <form action={action} noValidate aria-label="Import watchlist file">
      <FormBanner state={state} />
      {state.status === 'ok' && state.details && state.details.length > 0 && (
        <ul className="small" aria-label="Skipped indicators">
          {state.details.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      <div className="field">
        <label htmlFor="import-file">File (CSV or STIX 2.1 JSON)</label>
        <input
          id="import-file"
          name="file"
          type="file"
          accept=".csv,.json,text/csv,application/json,application/stix+json"
          aria-invalid={problems.length > 0 ? true : undefined}
          aria-describedby={`import-file-hint${problems.length > 0 ? ' import-file-error' : ''}`}
        />
        <div className="hint" id="import-file-hint">
          CSV columns: kind,value,source,confidence,tlp,expires_at (optional: list). A CSV with any bad row imports nothing; fix the rows listed and upload it again.
          A STIX bundle imports every indicator it understands and lists the others.
        </div>
        {problems.length > 0 && (
          <div className="field-error" id="import-file-error" role="alert">
            <ul aria-label="Problems in the file">
              {problems.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <SubmitButton className="primary" pendingLabel="Importing…">
        Import
      </SubmitButton>
    </form>
  );
}
