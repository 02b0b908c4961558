// Filters of the audit log as a plain GET form: submitting writes them into the URL (the URL
// is the state) and, having no page field, always lands on page 1. Works without JavaScript.
import Link from 'next/link';
import type { AuditListParams } from '@/lib/audit/queries';

export function AuditFilters({ params, actions }: { params: AuditListParams; actions: string[] }) {
  // A hand-typed action the log does not hold (yet) still shows as selected.
  const options = params.action && !actions.includes(params.action) ? [params.action, ...actions] : actions;
  return (
    <form method="get" action="/audit" className="toolbar" role="search" aria-label="Filter the audit log">
      <div className="field">
        <label htmlFor="audit-action">Action</label>
        <select id="audit-action" name="action" defaultValue={params.action ?? ''}>
          <option value="">All actions</option>
          {options.map((action) => (
            <option key={action} value={action}>
              {action}
            </option>
          ))}
        </select>
      </div>
      <div className="field grow">
        <label htmlFor="audit-actor">Actor</label>
        <input id="audit-actor" name="actor" type="search" placeholder="Email contains" defaultValue={params.actor ?? ''} />
      </div>
      <div className="field grow">
        <label htmlFor="audit-q">Target or reference</label>
        <input id="audit-q" name="q" type="search" placeholder="e.g. HW-2026-0042 or an email" defaultValue={params.q ?? ''} />
      </div>
      <div className="field">
        <label htmlFor="audit-from">From (UTC)</label>
        <input id="audit-from" name="from" type="date" defaultValue={params.from ?? ''} />
      </div>
      <div className="field">
        <label htmlFor="audit-to">To (UTC)</label>
        <input id="audit-to" name="to" type="date" defaultValue={params.to ?? ''} />
      </div>
      <div className="row">
        <button type="submit" className="primary">
          Filter
        </button>
        <Link className="button" href="/audit">
          Reset
        </Link>
      </div>
    </form>
  );
}
