'use client';
import { useActionState } from 'react';
import { addWatchlistEntryAction } from '@/lib/intel/actions';
import { IDLE } from '@/lib/actions/state';
import { CONFIDENCES, TLP_LABELS, TLP_LEVELS, WATCHLIST_KINDS, WATCHLIST_KIND_LABELS } from '@/lib/domain';
import { Field } from '@/components/ui/field';
import { FormBanner } from '@/components/ui/form-banner';
import { SubmitButton } from '@/components/ui/submit-button';

export function AddWatchlistEntryForm() {
  const [state, action] = useActionState(addWatchlistEntryAction, IDLE);
  return (
    <form action={action} noValidate aria-label="Add watchlist entry">
      <FormBanner state={state} />
      <Field label="List" name="list" state={state} defaultValue="block" hint="Benign: own VPN exits, office ranges, shared relays. They never link cases.">
        {(p) => (
          <select {...p}>
            <option value="block">Block (raises risk)</option>
            <option value="benign">Benign (never links)</option>
          </select>
        )}
      </Field>
      <div className="field-row">
        <Field label="Kind" name="kind" state={state} defaultValue="email">
          {(p) => (
            <select {...p}>
              {WATCHLIST_KINDS.map((k) => (
                <option key={k} value={k}>
                  {WATCHLIST_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Confidence" name="confidence" state={state} defaultValue="medium">
          {(p) => (
            <select {...p}>
              {CONFIDENCES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label="TLP marking" name="tlp" state={state} defaultValue="amber" hint="How far this entry may be shared. TLP:RED entries never leave in a STIX export.">
        {(p) => (
          <select {...p}>
            {TLP_LEVELS.map((level) => (
              <option key={level} value={level}>
                {TLP_LABELS[level]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Value" name="value" state={state}>
        {(p) => <input {...p} type="text" autoComplete="off" />}
      </Field>
      <Field label="Source" name="source" state={state} hint="Who told you: advisory, peer company, own investigation.">
        {(p) => <input {...p} type="text" />}
      </Field>
      <Field label="Expires on (optional)" name="expiresOn" state={state}>
        {(p) => <input {...p} type="date" />}
      </Field>
      <SubmitButton className="primary" pendingLabel="Adding…">
        Add to watchlist
      </SubmitButton>
    </form>
  );
}
