'use client';
// The case list table: TanStack Table in manual mode. The server already sorted and paged
// the rows; clicking a sortable header only rewrites the URL, which the server reads.
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { rowSortingFeature, tableFeatures, useTable, type ColumnDef, type SortingState } from '@tanstack/react-table';
import { RiskBadge, StatusBadge } from '@/components/ui/badges';
import { formatDateTime } from '@/components/ui/format';
import { REGION_LABELS } from '@/lib/domain';
import type { CaseListRow } from '@/lib/cases/list';
import type { CaseSort } from '@/lib/cases/list-params';

const features = tableFeatures({ rowSortingFeature });

// Column ids that the server can sort by are exactly the CaseSort values.
const columns: ColumnDef<typeof features, CaseListRow>[] = [
  {
    id: 'reference',
    header: 'Reference',
    accessorKey: 'reference',
    enableSorting: false,
    cell: (info) => (
      <Link className="mono" href={`/cases/${info.row.original.reference}`}>
        {info.row.original.reference}
      </Link>
    ),
  },
  {
    id: 'name',
    header: 'Candidate',
    accessorKey: 'claimedName',
    cell: (info) => (
      <>
        <div>{info.row.original.claimedName}</div>
        <div className="muted small">{info.row.original.jobRole}</div>
      </>
    ),
  },
  { id: 'region', header: 'Region', accessorKey: 'region', enableSorting: false, cell: (info) => <span title={REGION_LABELS[info.row.original.region]}>{info.row.original.region}</span> },
  { id: 'status', header: 'Status', accessorKey: 'status', cell: (info) => <StatusBadge status={info.row.original.status} /> },
  { id: 'risk', header: 'Risk', accessorKey: 'riskScore', cell: (info) => <RiskBadge score={info.row.original.riskScore} band={info.row.original.riskBand} /> },
  { id: 'assignee', header: 'Assignee', accessorKey: 'assigneeName', enableSorting: false, cell: (info) => info.row.original.assigneeName ?? <span className="muted">Unassigned</span> },
  { id: 'updated', header: 'Updated', accessorKey: 'updatedAt', cell: (info) => <span className="small">{formatDateTime(info.row.original.updatedAt)}</span> },
];

export function CaseTable({ rows, sort, dir }: { rows: CaseListRow[]; sort: CaseSort; dir: 'asc' | 'desc' }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const sorting: SortingState = [{ id: sort, desc: dir === 'desc' }];

  const table = useTable({
    features,
    columns,
    data: rows,
    manualSorting: true,
    enableSortingRemoval: false,
    state: { sorting },
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const [first] = next;
      if (!first) return;
      const params = new URLSearchParams(searchParams.toString());
      params.set('sort', first.id);
      params.set('dir', first.desc ? 'desc' : 'asc');
      // A new view starts on page 1: the page number and its keyset cursor go.
    for (const key of ['page', 'after', 'before']) params.delete(key);
      router.push(`${pathname}?${params.toString()}`);
    },
  });

  return (
    <div className="table-wrap">
      <table className="data">
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <th key={header.id} scope="col" aria-sort={sorted ? (sorted === 'desc' ? 'descending' : 'ascending') : undefined}>
                    {header.column.getCanSort() ? (
                      <button type="button" className="sort" onClick={header.column.getToggleSortingHandler()}>
                        <table.FlexRender header={header} /> {sorted === 'desc' ? '▼' : sorted === 'asc' ? '▲' : '↕'}
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id}>
              {row.getAllCells().map((cell) => (
                <td key={cell.id}>
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
