// The watchlist as CSV: the export's columns and the import's reader. An import is
// all-or-nothing: every row is checked first and, if any is wrong, nothing is added and
// each error names its row (as a spreadsheet numbers it: the header is row 1), so a fixed
// file can simply be uploaded again.
import { parse } from 'csv-parse/sync';
import type { CsvColumn } from '@/lib/export/csv';
import { CONFIDENCES, TLP_LABELS, TLP_LEVELS, WATCHLIST_KINDS, type Confidence, type TlpLevel, type WatchlistKind } from '@/lib/domain';
import { normalizeWatchlistValue } from './watchlist-patterns';
import { confidenceFromStix } from './stix/bundle';

export const IMPORT_MAX_ROWS = 10_000;
const REQUIRED_COLUMNS = ['kind', 'value', 'source', 'confidence'] as const;

export interface CsvWatchlistEntry {
  row: number;
  kind: WatchlistKind;
  value: string;
  normalized: string;
  list: 'block' | 'benign';
  source: string;
  confidence: Confidence;
  tlp: TlpLevel;
  expiresAt: Date | null;
}

export type CsvReadResult = { ok: true; entries: CsvWatchlistEntry[] } | { ok: false; errors: string[] };

export interface WatchlistExportRow {
  kind: WatchlistKind;
  value: string;
  list: 'block' | 'benign';
  source: string;
  confidence: Confidence;
  tlp: TlpLevel;
  expiresAt: Date | null;
  falsePositive: boolean;
  createdAt: Date;
  addedBy: string | null;
  sourceCase: string | null;
}

/** The import's columns first, so an exported file imports as it is. */
export const WATCHLIST_EXPORT_COLUMNS: CsvColumn<WatchlistExportRow>[] = [
  { header: 'kind', value: (r) => r.kind },
  { header: 'value', value: (r) => r.value },
  { header: 'source', value: (r) => r.source },
  { header: 'confidence', value: (r) => r.confidence },
  { header: 'tlp', value: (r) => TLP_LABELS[r.tlp] },
  { header: 'expires_at', value: (r) => r.expiresAt },
  { header: 'list', value: (r) => r.list },
  { header: 'false_positive', value: (r) => r.falsePositive },
  { header: 'added_at', value: (r) => r.createdAt },
  { header: 'added_by', value: (r) => r.addedBy },
  { header: 'source_case', value: (r) => r.sourceCase },
];

/** "TLP:AMBER+STRICT", "amber+strict", "amber_strict" and "AMBER" all read; white is clear. */
function readTlp(raw: string): TlpLevel | undefined {
  const key = raw.trim().toLowerCase().replace(/^tlp:/, '').replace('+', '_');
  if (key === '') return 'amber';
  if (key === 'white') return 'clear';
  return (TLP_LEVELS as readonly string[]).includes(key) ? (key as TlpLevel) : undefined;
}

/** Our own CSV export prefixes formula-like cells with ' (lib/export/csv.ts): undo that. */
function unneutralize(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

export function readWatchlistCsv(text: string, now: Date = new Date()): CsvReadResult {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), skip_empty_lines: true, trim: true, info: true, relax_column_count: false });
  } catch (error) {
    return { ok: false, errors: [`The file is not readable CSV: ${error instanceof Error ? error.message : String(error)}`] };
  }
  if (records.length === 0) return { ok: false, errors: ['The file has no rows under its header.'] };
  const missing = REQUIRED_COLUMNS.filter((c) => !(c in records[0].record));
  if (missing.length > 0) return { ok: false, errors: [`Missing column${missing.length === 1 ? '' : 's'}: ${missing.join(', ')} (expected kind,value,source,confidence,tlp,expires_at).`] };
  if (records.length > IMPORT_MAX_ROWS) return { ok: false, errors: [`At most ${IMPORT_MAX_ROWS.toLocaleString('en')} rows per file (this one has ${records.length.toLocaleString('en')}).`] };

  const errors: string[] = [];
  const entries: CsvWatchlistEntry[] = [];
  for (const { record, info } of records) {
    const row = info.lines;
    const rowErrors: string[] = [];
    const kind = record.kind?.toLowerCase() as WatchlistKind;
    const value = unneutralize(record.value ?? '');
    const source = unneutralize(record.source ?? '');
    if (!WATCHLIST_KINDS.includes(kind)) rowErrors.push(`kind "${record.kind}" is not one of ${WATCHLIST_KINDS.join(', ')}`);
    const normalized = WATCHLIST_KINDS.includes(kind) ? normalizeWatchlistValue(kind, value) : null;
    if (normalized && !normalized.ok) rowErrors.push(`value: ${normalized.error}`);
    if (!source) rowErrors.push('source is empty');
    else if (source.length > 200) rowErrors.push('source is longer than 200 characters');
    const rawConfidence = (record.confidence ?? '').toLowerCase();
    const confidence = (CONFIDENCES as readonly string[]).includes(rawConfidence)
      ? (rawConfidence as Confidence)
      : /^\d+$/.test(rawConfidence)
        ? confidenceFromStix(Number(rawConfidence))
        : undefined;
    if (!confidence) rowErrors.push(`confidence "${record.confidence}" is not low, medium, high or 0-100`);
    const tlp = readTlp(record.tlp ?? '');
    if (!tlp) rowErrors.push(`tlp "${record.tlp}" is not TLP:CLEAR, GREEN, AMBER, AMBER+STRICT or RED`);
    const list = (record.list ?? '').toLowerCase() || 'block';
    if (list !== 'block' && list !== 'benign') rowErrors.push(`list "${record.list}" is not block or benign`);
    let expiresAt: Date | null = null;
    const rawExpiry = record.expires_at ?? '';
    if (rawExpiry) {
      // A bare date means the end of that day (UTC), as in the add form.
      expiresAt = new Date(/^\d{4}-\d{2}-\d{2}$/.test(rawExpiry) ? `${rawExpiry}T23:59:59Z` : rawExpiry);
      if (Number.isNaN(expiresAt.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(rawExpiry)) rowErrors.push(`expires_at "${rawExpiry}" is not a date (YYYY-MM-DD or ISO 8601)`);
      else if (expiresAt.getTime() <= now.getTime()) rowErrors.push('expires_at is in the past');
    }
    if (rowErrors.length > 0) {
      errors.push(`Row ${row}: ${rowErrors.map((e) => e.replace(/\.$/, '')).join('; ')}.`);
      continue;
    }
    entries.push({ row, kind, value, normalized: (normalized as { value: string }).value, list: list as 'block' | 'benign', source, confidence: confidence!, tlp: tlp!, expiresAt });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, entries };
}
