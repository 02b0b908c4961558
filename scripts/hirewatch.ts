// npm run hirewatch -- <command>: operator commands run against the app's database (the
// embedded PGlite of HIREWATCH_DATA_DIR, or the PostgreSQL server of DATABASE_URL).
//
// Every command and option is in HELP below (npm run hirewatch -- help).
//
// The embedded database belongs to the server while it runs: two processes opening the same
// PGlite data directory corrupt it. Commands refuse with a clear message while another process
// has it open (scripts/cli/embedded-guard.ts: open files under /proc on Linux, and the data
// directory's lock file everywhere, lib/db/data-dir-lock.ts); when no server runs they open it
// themselves under that lock, so the server cannot start meanwhile either. On PostgreSQL any
// number of processes share the database and the commands run beside the servers.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { cliActor } from './cli/actor';
import { reportChain } from './cli/audit-report';
import { checkEmbeddedDatabase, Refused } from './cli/embedded-guard';

// Read by lib/db/client.ts: the lock names this process as a command, not the server.
process.env.HIREWATCH_PROCESS_ROLE = 'cli';

const HELP = `Usage: npm run hirewatch -- <command> [options]

Commands:
  user create --email E --name N --role R [--password P]
                   Create a user (role: recruiter, lead, cso, exec, admin). Without --password
                   a strong one is generated and printed once.
  user disable --email E
                   Disable a user; their sessions end at once.
  token create --role recruiter|lead --name N [--expires YYYY-MM-DD]
                   Create an API token. The secret is printed alone on the last line of
                   stdout, once; only its hash is stored.
  import FILE [--format csv|jsonl] [--as EMAIL]
                   Import applicant records (JSON Lines, or CSV whose headers name the record
                   fields). Progress on stderr, refused lines as "line N: reason"; exit 1 when
                   any line was refused. Submitted as --as (default: the first active lead).
  export cases --format jsonl|csv
                   Every case to stdout.
  watchlist import FILE
                   Add the entries of a CSV (kind,value,source,confidence,tlp,expires_at; all
                   or nothing, bad rows named) or of a STIX 2.1 bundle (.json: the indicators
                   it understands; the rest listed with why). Cases are re-matched.
  watchlist export [--stix]
                   Every entry as CSV, or the active block entries as a STIX 2.1 bundle
                   (TLP:RED left out), to stdout.
  db migrate       Apply the migrations in drizzle/ (the server does this at start-up too).
  db seed          Create the demo organization in an empty database.
  db backup FILE   Write a backup to the new FILE: the embedded database as a PGlite tarball
                   (.tar.gz); PostgreSQL with pg_dump (custom format). AUTH_SECRET (embedded:
                   the data dir's auth-secret file) is not in it: keep that separately.
  db restore FILE  Embedded database: replace it with the backup (the current one is kept
                   aside as pglite.replaced-<time>). PostgreSQL: fill the EMPTY database of
                   DATABASE_URL with pg_restore in one transaction (all or nothing). Then
                   migrate, verify the audit chain (exit 1 if broken) and check the key.
  audit verify     Check the audit log's hash chain: exit 0 when intact, 1 when broken (the
                   first broken entry is printed), 2 when the check could not run.
  demo-code        Print the current sign-in code of the demo cso, cso2 and admin users
                   (their public demo TOTP secret, see the README). Opens no database, so it
                   runs beside the server. It is useful only for accounts the demo seed
                   created: every other account has its own secret.
  retention run [--dry-run]
                   Erase the personal data of every cleared applicant whose clearance is
                   older than the retention period set on /admin (default 365 days):
                   identifiers, names, free text, evidence files. Aggregates (counts,
                   outcomes, regions, dates) stay. Each erasure is audited. --dry-run lists
                   the cases that would be erased and changes nothing.
  help             Show this help.

Options:
  --json           audit verify, retention run: print the result as JSON.
  --batch-size N   audit verify: entries read per query (default 5000).
  --server-stopped Embedded database, on a system without /proc (not Linux): confirm that
                   the Hirewatch server is stopped.

Database: the PostgreSQL server of DATABASE_URL when set, otherwise the embedded database in
HIREWATCH_DATA_DIR (default ./data). The embedded database can only be opened by one process
at a time: while the server runs, commands on it refuse to start (stop the server first).
Exit status 2 when a command cannot run as asked.

The audit chain detects entries changed, removed or inserted behind the app's back. Someone
able to rewrite the whole table could also recompute every hash after their change: keep the
chain head printed by each run somewhere else and compare.`;

function describeTarget(kind: 'pglite' | 'postgres', dataDir: string): string {
  if (kind === 'pglite') return `embedded database in ${path.join(dataDir, 'pglite')}`;
  try {
    const url = new URL(process.env.DATABASE_URL ?? '');
    return `PostgreSQL database ${url.pathname.replace(/^\//, '') || '(default)'} on ${url.host}`;
  } catch {
    return 'PostgreSQL database of DATABASE_URL';
  }
}

async function auditVerify(options: { json: boolean; batchSize: number; serverStopped: boolean }): Promise<number> {
  const { verifyAuditChain } = await import('@/lib/audit/verify');
  return withDatabase({ serverStopped: options.serverStopped }, async (db, target) => {
    const progress = process.stderr.isTTY && !options.json;
    const status = await verifyAuditChain(db, {
      batchSize: options.batchSize,
      onProgress: progress ? (checked) => process.stderr.write(`\rchecked ${checked.toLocaleString('en-US')} entries…`) : undefined,
    });
    if (progress) process.stderr.write('\r\x1b[K');
    if (options.json) console.log(JSON.stringify(status, null, 2));
    else reportChain(status, target);
    return status.ok ? 0 : 1;
  });
}

async function retentionRun(options: { json: boolean; dryRun: boolean; serverStopped: boolean }): Promise<number> {
  const { runRetention } = await import('@/lib/retention/commands');
  const { appendAudit } = await import('@/lib/audit/log');
  return withDatabase({ serverStopped: options.serverStopped }, async (db, target) => {
    const result = await db.transaction(async (tx) => {
      const run = await runRetention(tx, { dryRun: options.dryRun });
      await appendAudit(tx, cliActor('retention run'), run.audit);
      return run;
    });
    await result.afterCommit?.();
    const summary = { dryRun: options.dryRun, retentionDays: result.retentionDays, cutoff: result.cutoff.toISOString(), cases: result.erased };
    if (options.json) console.log(JSON.stringify(summary, null, 2));
    else {
      console.log(`Retention (${target}): cleared before ${summary.cutoff} (${result.retentionDays} days).`);
      const verb = options.dryRun ? 'Would erase' : 'Erased';
      console.log(result.erased.length === 0 ? 'Nothing is due for erasure.' : `${verb} ${result.erased.length} case(s): ${result.erased.join(', ')}`);
    }
    return 0;
  });
}

async function demoCode(): Promise<number> {
  const { DEMO_TOTP_SECRET } = await import('@/lib/db/seed/demo-users');
  const { TOTP_PERIOD_SECONDS, totpCode } = await import('@/lib/auth/mfa/totp');
  const now = new Date();
  const left = TOTP_PERIOD_SECONDS - (Math.floor(now.getTime() / 1000) % TOTP_PERIOD_SECONDS);
  console.log(totpCode(DEMO_TOTP_SECRET, now));
  // Each code signs in once per account (replays are refused): after using it, wait for the next.
  console.error(`Demo code for cso@, cso2@ and admin@hirewatch.test; valid ${left} s more (a code is accepted once per account).`);
  return 0;
}

/** Opens the app's database (refusing an embedded one held by another process), runs `run`, closes it. */
async function withDatabase<T>(
  options: { serverStopped: boolean; mayCreate?: boolean },
  run: (db: import('@/lib/db/client').Database, target: string) => Promise<T>,
): Promise<T> {
  // Imported here, so that `help` and usage errors do not load the database modules.
  const { closeDb, dataDir, getDb, getDbKind } = await import('@/lib/db/client');
  if (!process.env.DATABASE_URL) checkEmbeddedDatabase(dataDir(), options.serverStopped, { mayCreate: options.mayCreate });
  try {
    const db = await getDb();
    return await run(db, describeTarget(await getDbKind(), dataDir()));
  } catch (error) {
    const { DataDirLocked } = await import('@/lib/db/data-dir-lock');
    if (error instanceof DataDirLocked) throw new Refused(error.message);
    throw error;
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
        'dry-run': { type: 'boolean', default: false },
        email: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        password: { type: 'string' },
        expires: { type: 'string' },
        format: { type: 'string' },
        as: { type: 'string' },
        stix: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new Refused(`${(error as Error).message}\n\n${HELP}`);
  }
  const { values, positionals } = parsed;
  const [group, action, ...rest] = positionals;
  const command = [group, action].filter(Boolean).join(' ');
  if (values.help || group === 'help') {
    console.log(HELP);
    return 0;
  }
  if (!group) throw new Refused(HELP);
  const serverStopped = values['server-stopped'];
  const cli = () => import('./cli/commands');
  // Options are checked (./cli/command-input) before the database is opened.
  const options = () => import('./cli/command-input');
  switch (group === 'import' ? 'import' : command) {
    case 'demo-code':
      return demoCode();
    case 'retention run':
      return retentionRun({ json: values.json, dryRun: values['dry-run'], serverStopped });
    case 'audit verify': {
      const batchSize = values['batch-size'] === undefined ? 5000 : Number(values['batch-size']);
      if (!Number.isInteger(batchSize) || batchSize < 1) throw new Refused(`--batch-size must be a positive integer (got ${values['batch-size']}).`);
      return auditVerify({ json: values.json, batchSize, serverStopped });
    }
    case 'user create': {
      const user = (await options()).parseUserCreate(values);
      await withDatabase({ serverStopped }, async (db) => (await cli()).userCreate(db, user));
      return 0;
    }
    case 'user disable': {
      const email = (await options()).parseUserDisable(values);
      await withDatabase({ serverStopped }, async (db) => (await cli()).userDisable(db, email));
      return 0;
    }
    case 'token create': {
      const token = (await options()).parseTokenCreate(values);
      await withDatabase({ serverStopped }, async (db) => (await cli()).tokenCreate(db, token));
      return 0;
    }
    case 'import': {
      if (!action || rest.length > 0) throw new Refused('Give one file: import FILE.');
      const lines = (await options()).readImportFile(action, values);
      return withDatabase({ serverStopped }, async (db) => (await cli()).importFile(db, action, lines, values));
    }
    case 'export cases': {
      const format = (await options()).parseExportFormat(values.format);
      await withDatabase({ serverStopped }, async (db) => (await cli()).exportCases(db, format));
      return 0;
    }
    case 'watchlist import': {
      if (rest.length !== 1) throw new Refused('Give one file: watchlist import FILE (CSV or a STIX 2.1 bundle).');
      const upload = (await options()).readWatchlistFile(rest[0]);
      return withDatabase({ serverStopped }, async (db) => (await cli()).watchlistImport(db, upload));
    }
    case 'watchlist export':
      await withDatabase({ serverStopped }, async (db) => (await cli()).watchlistExport(db, values.stix));
      return 0;
    case 'db migrate':
      await withDatabase({ serverStopped, mayCreate: true }, async () => console.log('Migrations applied.'));
      return 0;
    case 'db seed':
      await withDatabase({ serverStopped, mayCreate: true }, async (db) => {
        const { seedDemo } = await import('@/lib/db/seed/seed');
        const { printDemoLogins } = await import('@/lib/db/startup');
        if (await seedDemo(db)) printDemoLogins();
        else console.log('The database already has users: nothing seeded.');
      });
      return 0;
    case 'db backup': {
      if (rest.length !== 1) throw new Refused('Give one new file: db backup FILE.');
      const { backup, refuseExistingFile } = await import('./cli/backup');
      refuseExistingFile(rest[0]);
      await withDatabase({ serverStopped }, (db) => backup(db, rest[0]));
      return 0;
    }
    case 'db restore': {
      if (rest.length !== 1) throw new Refused('Give one backup file: db restore FILE.');
      const { dataDir } = await import('@/lib/db/client');
      const embedded = !process.env.DATABASE_URL;
      if (embedded) checkEmbeddedDatabase(dataDir(), serverStopped, { mayCreate: true });
      const { reportRestored, restore } = await import('./cli/backup');
      await restore(rest[0], dataDir());
      // Opened like any command (lock, migrations to this version), then checked.
      return withDatabase({ serverStopped }, (db, target) => reportRestored(db, { file: rest[0], target, embeddedDataDir: embedded ? dataDir() : null }));
    }
    default:
      throw new Refused(`Unknown command "${positionals.join(' ')}".\n\n${HELP}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  async (error: unknown) => {
    const { DataDirLocked } = await import('@/lib/db/data-dir-lock');
    if (error instanceof Refused || error instanceof DataDirLocked) console.error(error.message);
    else console.error('hirewatch:', error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(2);
  },
);
