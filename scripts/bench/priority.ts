// `npm run bench -- --priority`: on Linux with autogroup scheduling (the kernel default on
// desktop and many VM images, /proc/sys/kernel/sched_autogroup_enabled = 1), the CPU is
// shared fairly between sessions before `nice` counts, and `nice` only orders processes
// within one session. Other people's `nice -n 19` builds and tests then take as much CPU
// from the bench as un-niced ones would. Raising the autogroup of the bench and of its
// server (started detached, so a session and an autogroup of its own) restores what their
// `nice` was meant to give: the bench first. Needs root (a negative autogroup nice).
import fs from 'node:fs';

const AUTOGROUP_NICE = -20;

/** Whether autogroup scheduling is on (otherwise plain `nice` already orders processes). */
export function autogroupScheduling(): boolean {
  try {
    return fs.readFileSync('/proc/sys/kernel/sched_autogroup_enabled', 'utf8').trim() === '1';
  } catch {
    return false;
  }
}

/**
 * Gives the autogroup of `pid` (self by default) the highest precedence. The bench's own
 * autogroup is the whole terminal session's, so `restore` puts its nice back when it ends.
 */
export function raiseAutogroup(pid: number | 'self' = 'self'): { description: string; restore: () => void } {
  const file = `/proc/${pid}/autogroup`;
  // "/autogroup-123 nice 0"
  const before = /nice (-?\d+)/.exec(fs.readFileSync(file, 'utf8'))?.[1] ?? '0';
  fs.writeFileSync(file, String(AUTOGROUP_NICE));
  return { description: fs.readFileSync(file, 'utf8').trim(), restore: () => fs.writeFileSync(file, before) };
}
