// Before the CLI opens the embedded database: it must exist (unless the command creates it) and
// no other process may have it open. PGlite's postmaster.pid cannot tell (it holds a made-up
// PID, -42, and stays behind whenever a process exits without closing the database, as the
// server does), so on Linux this looks for processes that have files of the data directory
// open (/proc/<pid>/fd); everywhere, the data directory's lock (lib/db/data-dir-lock.ts),
// taken when the database is opened, refuses a second opener.
import fs from 'node:fs';
import path from 'node:path';
import { DataDirLocked, describeProcess, lockHolder, lockPathOf, processesUsing } from '@/lib/db/data-dir-lock';

/** The command cannot run as asked (exit status 2, no stack trace). */
export class Refused extends Error {}

/** Throws Refused unless the embedded database exists and no other process has it open. */
export function checkEmbeddedDatabase(dataDir: string, serverStopped: boolean, options: { mayCreate?: boolean } = {}): void {
  if (process.env.HIREWATCH_DATA_DIR === 'memory://') throw new Refused('HIREWATCH_DATA_DIR=memory:// is an in-memory database: there is nothing to work on.');
  const dir = path.join(dataDir, 'pglite');
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) {
    if (options.mayCreate) return;
    throw new Refused(`No embedded database in ${dir}. Point HIREWATCH_DATA_DIR at the server's data directory, or DATABASE_URL at its PostgreSQL database.`);
  }
  const holders = processesUsing(dir);
  if (holders === null) {
    if (serverStopped) return;
    throw new Refused(
      `Cannot check on this system whether another process (the Hirewatch server) has the embedded database in ${dir} open, ` +
        'and two processes using it corrupt it. Stop the server, then run again with --server-stopped.',
    );
  }
  if (holders.length > 0) {
    // The lock file says who it is (the server, or another command) when it is one of them.
    const holder = lockHolder(dataDir);
    if (holder && holders.includes(holder.pid)) throw new Refused(new DataDirLocked(lockPathOf(dataDir), holder).message);
    throw new Refused(
      `The embedded database in ${dir} is open in process ${holders.map(describeProcess).join(', ')} — most likely the Hirewatch server. ` +
        'Two processes using one embedded database corrupt it: stop the server, then run this again.',
    );
  }
}

