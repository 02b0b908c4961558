// JSON Lines into job lines: every non-blank line, numbered as an editor numbers it, kept as
// text (a line that is not JSON is reported by the job, with its number, not refused here).
import type { JobLine } from '@/lib/jobs/queue';

export function jsonLinesToJobLines(text: string): JobLine[] {
  const lines: JobLine[] = [];
  text.split(/\r?\n/).forEach((payload, index) => {
    if (payload.trim()) lines.push({ line: index + 1, payload });
  });
  return lines;
}
