// A CSV upload into job lines: parsed by csv-parse (quotes, embedded newlines, BOM), each data
// row mapped to an applicant record and numbered by the file line it starts on, so a refused
// row is reported where a spreadsheet shows it.
import { parse } from 'csv-parse/sync';
import type { JobLine } from '@/lib/jobs/queue';
import { rowToRecord, type ColumnMapping } from './csv-mapping';

export interface CsvTable {
  headers: string[];
  rows: { line: number; cells: string[] }[];
}

export function readCsv(text: string): CsvTable {
  const records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
  if (records.length === 0) return { headers: [], rows: [] };
  const [header, ...data] = records;
  // info.lines is the line a record ends on; a record starting after the previous one's end.
  let previousEnd = header.info.lines;
  const rows = data.map(({ record, info }) => {
    const row = { line: previousEnd + 1, cells: record };
    previousEnd = info.lines;
    return row;
  });
  return { headers: header.record.map((h) => h.trim()), rows };
}

export function csvToJobLines(table: CsvTable, mapping: ColumnMapping): JobLine[] {
  return table.rows.map(({ line, cells }) => ({ line, payload: JSON.stringify(rowToRecord(cells, mapping)) }));
}
