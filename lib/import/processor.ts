// The job processor of imports: each stored line is one applicant record (JSON), imported by
// the applicant-record batch path (lib/applicants/import.ts), which checks every line, writes
// the valid ones chunk by chunk, each record all-or-nothing, and reports the rest by line.
import { importChunk, type RawLine } from '@/lib/applicants/import';
import type { Database } from '@/lib/db/client';
import type { Job } from '@/lib/db/schema';
import { registerProcessor, type LineResult } from '@/lib/jobs/worker';

const NOT_JSON = 'Not valid JSON: each line must be one applicant record object.';

export async function processImportLines(db: Database, job: Job, lines: { line: number; payload: string }[]): Promise<LineResult[]> {
  const raw: RawLine[] = lines.map(({ line, payload }) => {
    try {
      return { line, value: JSON.parse(payload) };
    } catch {
      return { line, value: null, parseError: NOT_JSON };
    }
  });
  const actor = { id: job.createdById, role: job.actorRole, email: job.actorEmail };
  const results = await importChunk(db, actor, raw, { id: job.createdById, email: job.actorEmail });
  return results.map((r) => (r.ok ? { line: r.line } : { line: r.line, error: r.message }));
}

registerProcessor('import', processImportLines);
