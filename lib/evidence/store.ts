// Evidence bytes on disk, content-addressed: <evidence dir>/<first 2 hex>/<sha256>. The
// uploader's file name never reaches a path, so no name can traverse, collide or overwrite;
// the same bytes uploaded twice are stored once. Reads recompute the SHA-256 and refuse bytes
// that no longer match what was recorded at upload (chain of custody).
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { evidenceDir } from './config';

const SHA256_HEX = /^[0-9a-f]{64}$/;

export class EvidenceIntegrityError extends Error {
  constructor(readonly expected: string, readonly actual: string | null) {
    super(actual === null ? `Evidence file ${expected} is missing.` : `Evidence file ${expected} changed on disk (now hashes to ${actual}).`);
    this.name = 'EvidenceIntegrityError';
  }
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function pathOf(sha256: string): string {
  // Defence in depth: the hash comes from our own database, but a path is built from it.
  if (!SHA256_HEX.test(sha256)) throw new Error('Not a SHA-256 hex digest.');
  return path.join(evidenceDir(), sha256.slice(0, 2), sha256);
}

/** Writes the bytes under their hash (atomically: temp file + rename), returns the hash. */
export async function storeEvidence(bytes: Uint8Array): Promise<string> {
  const sha256 = sha256Hex(bytes);
  const target = pathOf(sha256);
  await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  try {
    const existing = await fs.readFile(target);
    if (sha256Hex(existing) === sha256) return sha256; // already stored, intact
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  await fs.writeFile(temp, bytes, { mode: 0o600, flag: 'wx' });
  await fs.rename(temp, target);
  return sha256;
}

/** The stored bytes, after checking they still hash to `sha256`. */
export async function readVerifiedEvidence(sha256: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(pathOf(sha256));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new EvidenceIntegrityError(sha256, null);
    throw error;
  }
  const actual = sha256Hex(bytes);
  if (actual !== sha256) throw new EvidenceIntegrityError(sha256, actual);
  return bytes;
}

/** Deletes the stored bytes (erasure); a file already gone is fine. */
export async function deleteEvidence(sha256: string): Promise<void> {
  await fs.rm(pathOf(sha256), { force: true });
}
