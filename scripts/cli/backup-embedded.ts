// db backup / db restore of the embedded database: PGlite's own dumpDataDir tarball (gzip),
// which PGlite.create({ loadDataDir }) loads back. A restore loads the backup into a staging
// folder beside the live one and checks it opens as a Hirewatch database; only then are the
// folders swapped (two renames), and the replaced database is kept, never deleted. A backup
// that fails to load leaves the live database untouched.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { acquireDataDirLock } from '@/lib/db/data-dir-lock';
import { Refused } from './embedded-guard';

/** Writes the open embedded database (lib/db/client) to FILE. */
export async function backupEmbedded(file: string): Promise<void> {
  const { dumpEmbeddedDatabase } = await import('@/lib/db/client');
  const partial = `${file}.partial-${process.pid}`;
  try {
    const dump = await dumpEmbeddedDatabase();
    if (!dump) throw new Refused('Not an embedded database.');
    // Written under another name first, so FILE only ever appears complete; readable by the
    // operator alone, since it holds every applicant's personal data.
    fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()), { mode: 0o600 });
    fs.renameSync(partial, file);
    console.log(`Backed up the embedded database to ${file} (${(dump.size / 1024 / 1024).toFixed(1)} MiB).`);
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

/** Loads the backup into `dir` and checks it is a Hirewatch database; throws Refused otherwise. */
async function loadInto(dir: string, file: string): Promise<void> {
  const { PGlite } = await import('@electric-sql/pglite');
  let client: import('@electric-sql/pglite').PGlite | undefined;
  try {
    // Unzipped here, not by PGlite: its stream reports a truncated file as an uncaught error
    // that would end the process before the staging folder is cleaned up.
    const tar = zlib.gunzipSync(fs.readFileSync(file));
    client = await PGlite.create(dir, { loadDataDir: new Blob([tar]) });
    await client.query('select count(*) from audit_log');
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Refused(`${file} is not a Hirewatch embedded-database backup, or it is damaged (${why}); nothing was changed.`);
  } finally {
    await client?.close().catch(() => undefined);
  }
}

/** Replaces the embedded database in dataDir/pglite with the backup; returns where the old one is kept. */
export async function restoreEmbedded(file: string, dataDir: string): Promise<string | null> {
  const release = acquireDataDirLock(dataDir, 'cli');
  const live = path.join(dataDir, 'pglite');
  const staging = `${live}.restoring-${process.pid}`;
  try {
    fs.rmSync(staging, { recursive: true, force: true });
    fs.mkdirSync(staging, { recursive: true });
    await loadInto(staging, file);
    let keptAs: string | null = null;
    if (fs.existsSync(live)) {
      keptAs = `${live}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      fs.renameSync(live, keptAs);
    }
    fs.renameSync(staging, live);
    console.log(`Restored ${file} into ${live}.${keptAs ? ` The previous database is kept in ${keptAs}.` : ''}`);
    return keptAs;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    release();
  }
}
