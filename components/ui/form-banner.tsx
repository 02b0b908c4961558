import type { ActionState } from '@/lib/actions/state';

/** The form-level message of an action: success, refusal, or a conflict that needs a reload. */
export function FormBanner({ state }: { state: ActionState }) {
  if (!state.message) return null;
  if (state.status === 'ok') return <div className="banner banner-ok" role="status">{state.message}</div>;
  return (
    <div className={`banner ${state.conflict ? 'banner-warn' : 'banner-error'}`} role="alert">
      {state.message}
      {state.conflict && (
        <>
          {' '}
          <a href="">Reload</a>
        </>
      )}
    </div>
  );
}
