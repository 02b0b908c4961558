// JSON Lines into job lines: every non-blank line, numbered as an editor numbers it, kept as
// text (a line that is not JSON is reported by the job, with its number, not refused here).
// The one exception is a line holding a NUL character: it is never valid JSON, and the
// database cannot store it as text, so the whole batch is refused before anything is queued.
import type { JobLine } from '@/lib/jobs/queue';

export class JsonLinesRefused extends Error {
  constructor(readonly line: number) {
    super(`Line ${line} holds a NUL character, which is never valid JSON: nothing was queued.`);
    this.name = 'JsonLinesRefused';
  }
}

export function jsonLinesToJobLines(text: string): JobLine[] {
  const lines: JobLine[] = [];
  text.split(/\r?\n/).forEach((payload, index) => {
    if (payload.includes('\u0000')) throw new JsonLinesRefused(index + 1);
    if (payload.trim()) lines.push({ line: index + 1, payload });
  });
  return lines;
}
