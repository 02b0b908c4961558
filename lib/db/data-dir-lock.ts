// One process at a time on an embedded (PGlite) data directory: two processes opening it
// corrupt it, and PGlite's own postmaster.pid cannot tell (it holds a made-up pid). Whoever
// opens the directory (the server, or the CLI when no server runs) first creates
// `hirewatch.lock` in it atomically (O_EXCL), holding its pid; a second opener is refused with
// a message naming the holder. A lock whose pid no longer runs was left by a crash and is
// taken over.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface LockHolder {
  pid: number;
  role: 'server' | 'cli';
  command: string;
  host: string;
  startedAt: string;
}

export class DataDirLocked extends Error {
  constructor(
    readonly lockPath: string,
    readonly holder: LockHolder,
  ) {
    super(
      holder.role === 'server'
        ? `The Hirewatch server (pid ${holder.pid}, started ${holder.startedAt}) has the embedded database in ${path.dirname(lockPath)} open. ` +
            'Two processes using one embedded database corrupt it: stop the server first, or run this against DATABASE_URL.'
        : `Another Hirewatch command (pid ${holder.pid}: ${holder.command}) has the embedded database in ${path.dirname(lockPath)} open. Wait for it to finish.`,
    );
    this.name = 'DataDirLocked';
  }
}

export function lockPathOf(dataDir: string): string {
  return path.join(dataDir, 'hirewatch.lock');
}

/** Whether process `pid` exists (one of another user's counts: only ESRCH means gone). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else; only ESRCH means gone.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live holder of the lock, or null (no lock, or a stale one). */
export function lockHolder(dataDir: string): LockHolder | null {
  try {
    const holder = JSON.parse(fs.readFileSync(lockPathOf(dataDir), 'utf8')) as LockHolder;
    if (holder.host !== os.hostname()) return holder; // cannot check another machine's pids: assume alive
    return holder.pid === process.pid || alive(holder.pid) ? holder : null;
  } catch {
    return null;
  }
}

/** Takes the lock for this process, or throws DataDirLocked. Returns the release function. */
export function acquireDataDirLock(dataDir: string, role: LockHolder['role']): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = lockPathOf(dataDir);
  const me: LockHolder = { pid: process.pid, role, command: process.argv.slice(1).join(' ').slice(0, 200), host: os.hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(me), { flag: 'wx' });
      const release = () => {
        try {
          if (lockHolder(dataDir)?.pid === process.pid) fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = lockHolder(dataDir);
      if (holder && holder.pid !== process.pid) throw new DataDirLocked(lockPath, holder);
      if (holder?.pid === process.pid) return () => undefined;
      // Stale: its process is gone. Remove it and try once more (a racing opener may win).
      fs.rmSync(lockPath, { force: true });
    }
  }
  const holder = lockHolder(dataDir);
  throw new DataDirLocked(lockPath, holder ?? { pid: -1, role: 'cli', command: 'unknown', host: os.hostname(), startedAt: 'unknown' });
}

// Besides the lock file, on Linux: which processes have files of the data directory open
// (/proc/<pid>/fd). It catches a holder that predates the lock file or ignores it; PGlite keeps
// no file open between writes, so it is a second line, not the first.
export function describeProcess(pid: number): string {
  try {
    const command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
    return command ? `${pid} (${command.length > 100 ? `${command.slice(0, 100)}…` : command})` : String(pid);
  } catch {
    return String(pid);
  }
}

/** Other processes with a file under `dir` open; null where /proc cannot tell (not Linux). */
export function processesUsing(dir: string): number[] | null {
  if (!fs.existsSync('/proc/self/fd')) return null;
  const real = fs.realpathSync(dir);
  const holders: number[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    let fds: string[];
    try {
      fds = fs.readdirSync(`/proc/${name}/fd`);
    } catch {
      continue; // gone, or another user's process
    }
    for (const fd of fds) {
      let target: string;
      try {
        target = fs.readlinkSync(`/proc/${name}/fd/${fd}`);
      } catch {
        continue;
      }
      if (target === real || target.startsWith(real + path.sep)) {
        holders.push(Number(name));
        break;
      }
    }
  }
  return holders;
}

/** Why the embedded database in `dir` must not be opened now, or null when no other process holds it. */
export function heldBy(dir: string): string | null {
  if (!fs.existsSync(dir)) return null;
  const holders = processesUsing(dir);
  if (holders === null || holders.length === 0) return null;
  return (
    `The embedded database in ${dir} is open in process ${holders.map(describeProcess).join(', ')} — most likely the Hirewatch server. ` +
    'Two processes using one embedded database corrupt it: stop the server, then run this again.'
  );
}
