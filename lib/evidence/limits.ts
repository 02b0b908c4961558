// How large one evidence file may be. Imported by next.config.ts too (the Server Action body
// limit), so it imports nothing: both read the same environment variable and agree.

export const DEFAULT_EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

/** HIREWATCH_EVIDENCE_MAX_BYTES (a positive integer of bytes), default 10 MiB. */
export function evidenceMaxBytes(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.HIREWATCH_EVIDENCE_MAX_BYTES;
  if (raw === undefined || raw === '') return DEFAULT_EVIDENCE_MAX_BYTES;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`HIREWATCH_EVIDENCE_MAX_BYTES must be a positive integer of bytes (got "${raw}").`);
  return value;
}

/** The Server Action body limit: the largest file plus room for the multipart envelope. */
export function serverActionBodyLimit(env: NodeJS.ProcessEnv = process.env): number {
  return evidenceMaxBytes(env) + 64 * 1024;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
