import type { ReactNode } from 'react';

/**
 * The numbers behind a chart as a table: visually hidden by default (the chart and its
 * summary carry them for sighted readers), shown when the table itself is the point.
 */
export function DataTable({
  caption,
  columns,
  rows,
  visible = false,
}: {
  caption: string;
  columns: readonly string[];
  rows: readonly (readonly ReactNode[])[];
  visible?: boolean;
}) {
  const table = (
    <table className={visible ? 'data trend-table' : 'sr-only'}>
      <caption className={visible ? 'sr-only' : undefined}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={index}>
            {row.map((cell, cellIndex) =>
              cellIndex === 0 ? (
                <th key={cellIndex} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={cellIndex}>{cell}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return visible ? <div className="table-wrap trend-table-wrap">{table}</div> : table;
}
