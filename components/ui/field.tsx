// A labelled form field that shows its server-side errors next to it and, after a refused
// submission, puts back what the user typed (React 19 resets forms after an action).
import { Fragment, type ReactNode } from 'react';
import type { ActionState } from '@/lib/actions/state';

export interface FieldControlProps {
  id: string;
  name: string;
  defaultValue?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

interface FieldProps {
  label: string;
  name: string;
  state: ActionState;
  hint?: string;
  defaultValue?: string;
  /** False for secrets: a password is never echoed back. */
  keepValue?: boolean;
  children: (props: FieldControlProps) => ReactNode;
  idPrefix?: string;
}

export function submittedValue(state: ActionState, name: string): string | undefined {
  const value = state.status === 'error' ? state.values?.[name] : undefined;
  return Array.isArray(value) ? value[0] : value;
}

export function Field({ label, name, state, hint, defaultValue, keepValue = true, children, idPrefix = '' }: FieldProps) {
  const id = `${idPrefix}${name}`;
  const errors = state.fieldErrors?.[name];
  const describedBy = [errors?.length ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  const value = keepValue ? (submittedValue(state, name) ?? defaultValue) : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {/* React applies a select's defaultValue only on mount: re-create the control when
          the echoed value changes, or a refused form would show the old choice. */}
      <Fragment key={value ?? ''}>
        {children({
          id,
          name,
          defaultValue: value,
          'aria-invalid': errors?.length ? true : undefined,
          'aria-describedby': describedBy,
        })}
      </Fragment>
      {hint && (
        <div className="hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {errors?.length ? (
        <div className="field-error" id={`${id}-error`} role="alert">
          {errors.join(' ')}
        </div>
      ) : null}
    </div>
  );
}
