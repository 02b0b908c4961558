'use client';
// The organization's two-person rule. Switching it off is meant for an organization with a
// single CSO; the change is audited (settings.changed) and so is every decision taken without it.
import { useActionState } from 'react';
import { IDLE } from '@/lib/actions/state';
import { setTwoPersonRuleAction } from '@/lib/users/actions';
import { FormBanner } from '@/components/ui/form-banner';
import { SubmitButton } from '@/components/ui/submit-button';

export function TwoPersonRuleForm({ enabled }: { enabled: boolean }) {
  const [state, formAction] = useActionState(setTwoPersonRuleAction, IDLE);
  return (
    <form action={formAction} aria-label="Two-person rule">
      <FormBanner state={state} />
      <p style={{ marginTop: 0 }}>
        Status:{' '}
        {enabled ? <span className="badge badge-green">On</span> : <span className="badge badge-amber">Off</span>}
      </p>
      <p className="small">
        When on, the CSO who escalates or clears a case must not be the person who investigated it (its assignee, or whoever submitted it for
        decision).
      </p>
      <p className="small muted">
        Switch it off only for an organization with a single CSO, who must then decide cases they investigated. The change is recorded in
        the audit log, and every decision taken while the rule is off is marked as taken with the rule waived.
      </p>
      <input type="hidden" name="enabled" value={enabled ? 'off' : 'on'} />
      <SubmitButton className={enabled ? 'danger' : 'primary'} pendingLabel="Saving…">
        {enabled ? 'Switch the two-person rule off' : 'Switch the two-person rule on'}
      </SubmitButton>
    </form>
  );
}
