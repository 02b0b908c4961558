// The embedded database belongs to one process at a time: two processes opening the same
// PGlite data directory corrupt it. PGlite's postmaster.pid cannot tell (it holds a made-up
// PID, -42, and stays behind whenever a process exits without closing the database, as the
// server does), so on Linux this looks for processes that have files of the data directory
// open (/proc/<pid>/fd). Elsewhere it cannot check, and callers ask the operator instead.
import fs from 'node:fs';
import path from 'node:path';

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
