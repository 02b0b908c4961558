// How many lines of an import job go into one chunk (one transaction, one progress step),
// from HIREWATCH_JOB_CHUNK. A bad value must stop the server at start, loudly: read as a
// plain Number, "0" made every job finish at once with nothing imported and its lines
// deleted, and "abc" dropped the LIMIT so a whole job ran as one transaction.
import { MAX_JOB_LINES } from './queue';

export const DEFAULT_JOB_CHUNK_LINES = 1000;

export function parseJobChunkLines(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_JOB_CHUNK_LINES;
  const value = Number(raw.trim());
  if (!Number.isInteger(value) || value < 1 || value > MAX_JOB_LINES) {
    throw new Error(`HIREWATCH_JOB_CHUNK must be a whole number of lines from 1 to ${MAX_JOB_LINES}, the most a job holds (got "${raw}"); leave it unset for ${DEFAULT_JOB_CHUNK_LINES}.`);
  }
  return value;
}
