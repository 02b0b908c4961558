// npm run hirewatch -- <command>: operator commands run against the app's database (the
// embedded PGlite of HIREWATCH_DATA_DIR, or the PostgreSQL server of DATABASE_URL).
//
//   audit verify   recomputes the audit log's hash chain; exit 0 when intact, 1 at the first
//                  broken link (printed), 2 when it could not run.
//
// The embedded database belongs to the server while it runs: two processes opening the same
// PGlite data directory corrupt it. PGlite's postmaster.pid cannot tell (it holds a made-up
// PID, -42, and stays behind whenever a process exits without closing the database, as the
// server does), so on Linux this looks for processes that have files of the data directory
// open (/proc/<pid>/fd) and refuses to run while there are any. Elsewhere it cannot check,
// and runs only when told with --server-stopped.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ChainStatus } from '@/lib/audit/verify';
import { heldBy, processesUsing } from '@/lib/db/data-dir-lock';

const HELP = `Usage: npm run hirewatch -- <command> [options]

Commands:
  audit verify     Check the audit log's hash chain: every entry must hash to its stored
                   hash and link to the entry before it. Exit status 0 when the chain is
                   intact, 1 when it is broken (the first broken entry is printed), 2 when
                   the check could not run.
  help             Show this help.

Options of audit verify:
  --json           Print the result as JSON.
  --batch-size N   Entries read per query (default 5000).
  --server-stopped Embedded database, on a system without /proc (not Linux): confirm that
                   the Hirewatch server is stopped.

Database: the PostgreSQL server of DATABASE_URL when set, otherwise the embedded database in
HIREWATCH_DATA_DIR (default ./data). The embedded database can only be opened by one process
at a time: stop the Hirewatch server first. On Linux the command refuses to run while
another process of yours (or any, as root) has the data directory open; elsewhere it cannot
check and needs --server-stopped. Do not start the server while the check runs.

The chain detects entries changed, removed or inserted behind the app's back. Someone able
to rewrite the whole table could also recompute every hash after their change: keep the
chain head printed by each run somewhere else and compare.`;

/** The command cannot run as asked (exit status 2, no stack trace). */
class Refused extends Error {}

/** Throws Refused unless the embedded database exists and no other process has it open. */
function checkEmbeddedDatabase(dataDir: string, serverStopped: boolean): void {
  if (process.env.HIREWATCH_DATA_DIR === 'memory://') throw new Refused('HIREWATCH_DATA_DIR=memory:// is an in-memory database: there is nothing to verify.');
  const dir = path.join(dataDir, 'pglite');
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) {
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
  const held = heldBy(dir);
  if (held) throw new Refused(held);
}

function describeTarget(kind: 'pglite' | 'postgres', dataDir: string): string {
  if (kind === 'pglite') return `embedded database in ${path.join(dataDir, 'pglite')}`;
  try {
    const url = new URL(process.env.DATABASE_URL ?? '');
    return `PostgreSQL database ${url.pathname.replace(/^\//, '') || '(default)'} on ${url.host}`;
  } catch {
    return 'PostgreSQL database of DATABASE_URL';
  }
}

const REASONS: Record<NonNullable<ChainStatus['firstBroken']>['reason'], string> = {
  'hash mismatch': 'its content is not what was hashed when it was written',
  'prev link mismatch': 'it does not link to the entry before it: an entry was removed or inserted before it, or the one before was re-hashed',
  'missing hash': 'it has no hash, although entries before it do: it was not written by the app',
};

function report(status: ChainStatus, target: string): void {
  const count = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'entry' : 'entries'}`;
  const head = status.head ? `entry ${status.head.id}, hash ${status.head.hash}` : null;
  if (status.firstBroken) {
    const { id, reason } = status.firstBroken;
    console.log(`Audit log BROKEN (${target}).`);
    console.log(`First broken link: entry ${id} — ${reason}: ${REASONS[reason]}.`);
    console.log(`Checked ${count(status.checked)}; ${head ? `the chain is intact up to ${head}` : 'no entry before it is intact'}.`);
  } else {
    console.log(`Audit log intact (${target}): ${count(status.checked)} checked.`);
    if (head) console.log(`Chain head: ${head}`);
  }
  if (status.unhashed > 0) {
    console.log(`Note: the first ${count(status.unhashed)} predate the hash chain (no hash) and are not protected by it.`);
  }
}

async function auditVerify(options: { json: boolean; batchSize: number; serverStopped: boolean }): Promise<number> {
  // Imported here, so that `help` and usage errors do not load the database modules.
  const { closeDb, dataDir, getDb, getDbKind } = await import('@/lib/db/client');
  const { verifyAuditChain } = await import('@/lib/audit/verify');
  const dir = dataDir();
  if (!process.env.DATABASE_URL) checkEmbeddedDatabase(dir, options.serverStopped);
  try {
    const db = await getDb();
    const target = describeTarget(await getDbKind(), dir);
    const progress = process.stderr.isTTY && !options.json;
    const status = await verifyAuditChain(db, {
      batchSize: options.batchSize,
      onProgress: progress ? (checked) => process.stderr.write(`\rchecked ${checked.toLocaleString('en-US')} entries…`) : undefined,
    });
    if (progress) process.stderr.write('\r\x1b[K');
    if (options.json) console.log(JSON.stringify(status, null, 2));
    else report(status, target);
    return status.ok ? 0 : 1;
  } finally {
    await closeDb();
  }
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        'batch-size': { type: 'string' },
        'server-stopped': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new Refused(`${(error as Error).message}\n\n${HELP}`);
  }
  const { values, positionals } = parsed;
  const command = positionals.join(' ');
  if (values.help || command === 'help') {
    console.log(HELP);
    return 0;
  }
  if (command === '') throw new Refused(HELP);
  if (command !== 'audit verify') throw new Refused(`Unknown command "${command}".\n\n${HELP}`);
  const batchSize = values['batch-size'] === undefined ? 5000 : Number(values['batch-size']);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Refused(`--batch-size must be a positive integer (got ${values['batch-size']}).`);
  return auditVerify({ json: values.json, batchSize, serverStopped: values['server-stopped'] });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof Refused) console.error(error.message);
    else console.error('hirewatch:', error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(2);
  },
);
