// CSV files for download: written by csv-stringify (quoting, escaping, CRLF-safe), with every
// text cell neutralized against formula injection first, so an applicant-supplied value such
// as =HYPERLINK(...) is shown as text by a spreadsheet instead of being evaluated.
import { stringify } from 'csv-stringify/sync';

/** The characters a spreadsheet may read as the start of a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell with a leading single quote when it could be read as a formula; else unchanged. */
export function neutralizeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export type CsvCell = string | number | boolean | Date | null | undefined;

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => CsvCell;
}

function cellOf(value: CsvCell): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  return value;
}

/**
 * The whole file: a header line, then one line per row. Strings (headers included) are
 * neutralized; numbers and booleans are written as they are; null and undefined are empty.
 * A UTF-8 byte order mark lets spreadsheets read non-ASCII names correctly.
 */
export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: Iterable<T>): string {
  const records: (string | number | boolean | null)[][] = [];
  for (const row of rows) records.push(columns.map((column) => cellOf(column.value(row))));
  return stringify(records, {
    bom: true,
    header: true,
    columns: columns.map((column, index) => ({ key: String(index), header: neutralizeFormula(column.header) })),
    record_delimiter: 'windows',
    cast: {
      string: (value) => neutralizeFormula(value),
      boolean: (value) => (value ? 'true' : 'false'),
    },
  });
}

/** YYYY-MM-DD (UTC) for a file name. */
export function fileDate(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The headers of a CSV download: an attachment, never cached, never sniffed. */
export function csvHeaders(filename: string): Headers {
  return new Headers({
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${filename.replace(/["\\\r\n]/g, '_')}"`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
}
