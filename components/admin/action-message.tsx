// The answer of a one-button admin action, under the button: a status or an alert.
import type { ActionState } from '@/lib/actions/state';

export function ActionMessage({ state, id }: { state: ActionState; id: string }) {
  if (!state.message) return null;
  return state.status === 'ok' ? (
    <div className="hint" id={id} role="status">
      {state.message}
    </div>
  ) : (
    <div className="field-error" id={id} role="alert">
      {state.message}
    </div>
  );
}
