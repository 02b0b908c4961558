import Link from 'next/link';
import { CASE_STATUSES, STATUS_LABELS, type CaseStatus } from '@/lib/domain';
import { caseListQuery, type CaseListParams } from '@/lib/cases/list-params';

/** Counts per status for the current filters; each tab keeps the other filters. */
export function StatusTabs({ params, counts, allCount }: { params: CaseListParams; counts: Record<CaseStatus, number>; allCount: number }) {
  const tab = (status: CaseStatus | undefined, label: string, value: number) => (
    <Link key={status ?? 'all'} href={`/cases${caseListQuery({ ...params, status, page: 1 })}`} aria-current={params.status === status ? 'true' : undefined}>
      {label}
      <span className="count">{value}</span>
    </Link>
  );
  return (
    <nav className="tabs" aria-label="Case status">
      {tab(undefined, 'All', allCount)}
      {CASE_STATUSES.map((status) => tab(status, STATUS_LABELS[status], counts[status]))}
    </nav>
  );
}
