// The /import page's upload: a CSV (with the column mapping the lead confirmed) or a JSON
// Lines file becomes a queued import job. Returns the job id, or a message for the page.
import type { AuditActor } from '@/lib/audit/log';
import type { SessionUser } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { enqueueImport, MAX_JOB_LINES, type JobLine } from '@/lib/jobs/queue';
import { csvToJobLines, readCsv } from './csv-file';
import { parseMapping, unmappedRequired, FIELD_LABELS } from './csv-mapping';
import { jsonLinesToJobLines, JsonLinesRefused } from './json-lines';

/** The largest file the page takes (10,000 records with room for résumé text). */
export const UPLOAD_LIMIT_BYTES = 32 * 1024 * 1024;

export class UploadRefused extends Error {}

export async function queueUpload(user: SessionUser, meta: Pick<AuditActor, 'ip' | 'userAgent'>, form: FormData): Promise<string> {
  const file = form.get('file');
  if (!(file instanceof File) || file.size === 0) throw new UploadRefused('Choose a CSV or JSON Lines file.');
  if (file.size > UPLOAD_LIMIT_BYTES) throw new UploadRefused(`The file is larger than ${UPLOAD_LIMIT_BYTES / 1024 / 1024} MiB.`);
  const text = await file.text();
  let lines: JobLine[];
  if (form.get('format') === 'csv') {
    const table = readCsv(text);
    const mapping = parseMapping(String(form.get('mapping') ?? '{}'), table.headers.length);
    if (!mapping) throw new UploadRefused('The column mapping does not fit this file. Choose the file again.');
    const missing = unmappedRequired(mapping);
    if (missing.length > 0) throw new UploadRefused(`Map a column to: ${missing.map((f) => FIELD_LABELS[f]).join(', ')}.`);
    lines = csvToJobLines(table, mapping);
  } else if (form.get('format') === 'jsonl') {
    try {
      lines = jsonLinesToJobLines(text);
    } catch (error) {
      throw error instanceof JsonLinesRefused ? new UploadRefused(error.message) : error;
    }
  } else {
    throw new UploadRefused('Choose CSV or JSON Lines.');
  }
  if (lines.length === 0) throw new UploadRefused('The file has no records.');
  if (lines.length > MAX_JOB_LINES) throw new UploadRefused(`At most ${MAX_JOB_LINES.toLocaleString('en-US')} records per import (this file has ${lines.length.toLocaleString('en-US')}); split it.`);
  return enqueueImport(await getDb(), { id: user.id, email: user.email, role: user.role, ...meta }, lines, `upload:${file.name.slice(0, 100)}`);
}
