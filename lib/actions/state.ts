// The typed result every form action returns to useActionState. `values` echoes what the
// user submitted (never a password) so a refused form keeps what was typed.
export type FieldErrors = Record<string, string[] | undefined>;

export interface ActionState {
  status: 'idle' | 'ok' | 'error';
  message?: string;
  /** Lines listed under the message (an import's skipped rows, with why). */
  details?: string[];
  fieldErrors?: FieldErrors;
  values?: Record<string, string | string[]>;
  /** Set when a conflicting change means the page should be reloaded. */
  conflict?: boolean;
  /** Bumped on success so forms can reset themselves. */
  savedAt?: number;
  /** Shown once after success and never again (a new API token's secret). */
  reveal?: string;
}

export const IDLE: ActionState = { status: 'idle' };
