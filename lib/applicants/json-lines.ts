// JSON Lines (application/x-ndjson) as the import reads it: one record per non-blank line,
// numbered as an editor numbers them, an unreadable line reported rather than fatal.
import type { RawLine } from './import';

/** The most lines one batch may carry (the API answers 413 beyond it). */
export const MAX_BATCH_LINES = 10_000;

export function parseJsonLines(text: string): RawLine[] {
  const lines: RawLine[] = [];
  text.split(/\r?\n/).forEach((content, index) => {
    if (!content.trim()) return;
    const line = index + 1;
    try {
      lines.push({ line, value: JSON.parse(content) });
    } catch {
      lines.push({ line, value: null, parseError: 'Not valid JSON: each line must be one applicant record object.' });
    }
  });
  return lines;
}
