// db backup / db restore of the embedded database: PGlite's own dumpDataDir tarball (gzip),
// which PGlite.create({ loadDataDir }) loads back. On PostgreSQL, pg_dump and pg_restore are
// the tools: this refuses and says so.
import fs from 'node:fs';
import path from 'node:path';
import { acquireDataDirLock } from '@/lib/db/data-dir-lock';
import { Refused } from './embedded-guard';

function refuseOnPostgres(): void {
  if (process.env.DATABASE_URL) {
    throw new Refused('DATABASE_URL is set: back up and restore a PostgreSQL database with pg_dump / pg_restore (e.g. pg_dump -Fc "$DATABASE_URL" > hirewatch.dump).');
  }
}

export async function backup(file: string | undefined): Promise<void> {
  refuseOnPostgres();
  if (!file) throw new Refused('Give the backup file: db backup FILE (a .tar.gz).');
  if (fs.existsSync(file)) throw new Refused(`${file} exists; choose a new file name.`);
  const { closeDb, dumpEmbeddedDatabase } = await import('@/lib/db/client');
  try {
    const dump = await dumpEmbeddedDatabase();
    if (!dump) throw new Refused('Not an embedded database.');
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    console.log(`Backed up the embedded database to ${file} (${(dump.size / 1024 / 1024).toFixed(1)} MiB).`);
  } finally {
    await closeDb();
  }
}

/**
 * Replaces the embedded database with a backup. The current one is kept beside it
 * (pglite.replaced-<time>), never deleted; the restored one is migrated to this version.
 */
export async function restore(file: string | undefined, dataDir: string): Promise<void> {
  refuseOnPostgres();
  if (!file || !fs.existsSync(file)) throw new Refused('Give an existing backup file: db restore FILE.');
  const release = acquireDataDirLock(dataDir, 'cli');
  const dir = path.join(dataDir, 'pglite');
  try {
    const blob = new Blob([fs.readFileSync(file)]);
    let keptAs: string | null = null;
    if (fs.existsSync(dir)) {
      keptAs = `${dir}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      fs.renameSync(dir, keptAs);
    }
    fs.mkdirSync(dir, { recursive: true });
    const { PGlite } = await import('@electric-sql/pglite');
    try {
      const client = await PGlite.create(dir, { loadDataDir: blob });
      await client.query('select 1');
      await client.close();
    } catch (error) {
      // Put the previous database back rather than leave a broken one.
      fs.rmSync(dir, { recursive: true, force: true });
      if (keptAs) fs.renameSync(keptAs, dir);
      throw new Refused(`${file} is not a Hirewatch embedded-database backup (${error instanceof Error ? error.message : error}); nothing was changed.`);
    }
    console.log(`Restored ${file} into ${dir}.${keptAs ? ` The previous database is kept in ${keptAs}.` : ''}`);
  } finally {
    release();
  }
  // Migrate the restored database to this version (its lock is taken again by the client).
  const { closeDb, getDb } = await import('@/lib/db/client');
  await getDb();
  await closeDb();
}
