// Where evidence files are kept (the size limit is in ./limits.ts).
import path from 'node:path';
import { dataDir } from '@/lib/db/client';

/**
 * The folder of evidence files: HIREWATCH_EVIDENCE_DIR, or `evidence/` in the data dir (next
 * to the embedded database, outside the web root: nothing under it is ever served statically).
 * Several instances behind a load balancer must share it (a network file system).
 */
export function evidenceDir(): string {
  const configured = process.env.HIREWATCH_EVIDENCE_DIR;
  if (configured) return path.resolve(/* turbopackIgnore: true */ process.cwd(), configured);
  if (process.env.HIREWATCH_DATA_DIR === 'memory://') {
    throw new Error('HIREWATCH_DATA_DIR=memory:// keeps no files: set HIREWATCH_EVIDENCE_DIR to store evidence.');
  }
  return path.join(dataDir(), 'evidence');
}
