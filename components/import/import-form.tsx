'use client';
// Upload of applicant records: a CSV file (its headers are detected, the lead maps columns to
// record fields and sees the first rows as they will be imported) or a JSON Lines file. The
// file goes to /import/upload, which queues a job; the page then follows it (JobProgress).
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { parse } from 'csv-parse/browser/esm/sync';
import { FIELD_LABELS, MAPPABLE_FIELDS, REQUIRED_FIELDS, rowToRecord, suggestMapping, unmappedRequired, type ColumnMapping, type MappableField } from '@/lib/import/csv-mapping';

const PREVIEW_BYTES = 64 * 1024;
const PREVIEW_ROWS = 5;

interface Preview {
  headers: string[];
  rows: string[][];
}

async function readPreview(file: File): Promise<Preview> {
  const head = await file.slice(0, PREVIEW_BYTES).text();
  // Cut at the last line break so a half-read row is not shown (a quoted newline may still end up cut: it is only a preview).
  const text = file.size > PREVIEW_BYTES ? head.slice(0, head.lastIndexOf('\n') + 1) : head;
  const records = parse(text, { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, to: PREVIEW_ROWS + 1 }) as string[][];
  const [headers = [], ...rows] = records;
  return { headers: headers.map((h) => h.trim()), rows };
}

export function ImportForm() {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<'csv' | 'jsonl' | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  async function choose(chosen: File | null) {
    setError(null);
    setFile(chosen);
    setPreview(null);
    if (!chosen) return setFormat(null);
    const csv = /\.csv$/i.test(chosen.name) || chosen.type === 'text/csv';
    setFormat(csv ? 'csv' : 'jsonl');
    if (!csv) return;
    try {
      const read = await readPreview(chosen);
      setPreview(read);
      setMapping(suggestMapping(read.headers));
    } catch {
      setError('This file could not be read as CSV.');
    }
  }

  function mapField(field: MappableField, value: string) {
    setMapping((current) => {
      const next = { ...current };
      if (value === '') delete next[field];
      else next[field] = Number(value);
      return next;
    });
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!file || !format) return setError('Choose a CSV or JSON Lines file.');
    const missing = format === 'csv' ? unmappedRequired(mapping) : [];
    if (missing.length > 0) return setError(`Map a column to: ${missing.map((f) => FIELD_LABELS[f]).join(', ')}.`);
    setSending(true);
    setError(null);
    const body = new FormData();
    body.set('file', file);
    body.set('format', format);
    body.set('mapping', JSON.stringify(mapping));
    try {
      const response = await fetch('/import/upload', { method: 'POST', body });
      const answer = (await response.json().catch(() => ({}))) as { jobId?: string; error?: { message?: string } };
      if (!response.ok || !answer.jobId) throw new Error(answer.error?.message ?? `The upload failed (${response.status}).`);
      router.push(`/import?job=${encodeURIComponent(answer.jobId)}`);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'The upload failed.');
    } finally {
      setSending(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Import applicants">
      {error && (
        <div className="banner banner-error" role="alert">
          {error}
        </div>
      )}
      <div className="field">
        <label htmlFor="import-file">File (CSV or JSON Lines)</label>
        <input id="import-file" name="file" type="file" accept=".csv,.jsonl,.ndjson,text/csv,application/x-ndjson" onChange={(e) => void choose(e.currentTarget.files?.[0] ?? null)} />
        <div className="hint">JSON Lines: one applicant record per line. CSV: a header row, then one applicant per row; map the columns below.</div>
      </div>
      {format === 'csv' && preview && (
        <fieldset className="stack" style={{ border: 0, padding: 0 }}>
          <legend>Column mapping</legend>
          <div className="grid-2">
            {MAPPABLE_FIELDS.map((field) => (
              <div className="field" key={field}>
                <label htmlFor={`map-${field}`}>
                  {FIELD_LABELS[field]}
                  {REQUIRED_FIELDS.includes(field) && ' *'}
                </label>
                <select id={`map-${field}`} value={mapping[field] ?? ''} onChange={(e) => mapField(field, e.currentTarget.value)}>
                  <option value="">(not imported)</option>
                  {preview.headers.map((header, index) => (
                    <option key={index} value={index}>
                      {header || `column ${index + 1}`}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </div>
          <h3>Preview of the first rows</h3>
          <div className="table-wrap">
            <table className="data" aria-label="Import preview">
              <thead>
                <tr>
                  <th scope="col">externalId</th>
                  <th scope="col">Claimed name</th>
                  <th scope="col">Role</th>
                  <th scope="col">Region</th>
                  <th scope="col">Source</th>
                  <th scope="col">Identifiers</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((row, index) => {
                  const record = rowToRecord(row, mapping) as Record<string, string | undefined> & { identifiers: { kind: string; value: string }[] };
                  return (
                    <tr key={index}>
                      <td className="mono">{record.externalId ?? '—'}</td>
                      <td>{record.claimedName ?? '—'}</td>
                      <td>{record.role ?? '—'}</td>
                      <td>{record.region ?? '—'}</td>
                      <td>{record.source ?? '—'}</td>
                      <td className="small">{record.identifiers.map((i) => `${i.kind}: ${i.value}`).join(', ') || '—'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </fieldset>
      )}
      <button type="submit" className="primary" disabled={sending || !file}>
        {sending ? 'Uploading…' : 'Start import'}
      </button>
    </form>
  );
}
