// db backup / db restore on PostgreSQL (DATABASE_URL): pg_dump's custom format, restored by
// pg_restore into an EMPTY database as one transaction. The servers may keep running during a
// backup (pg_dump reads one consistent snapshot). A restore never overwrites anything: it only
// fills a database that has no tables yet, and either all of the backup lands or, on any error,
// the transaction is rolled back and the database is empty again; that is checked, not assumed.
import fs from 'node:fs';
import { Refused } from './embedded-guard';
import { connectionOf, runPgTool } from './postgres-tools';

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('backup-postgres needs DATABASE_URL.');
  return url;
}

function databaseName(url: string): string {
  try {
    return new URL(url).pathname.replace(/^\//, '') || '(default)';
  } catch {
    return '(DATABASE_URL)';
  }
}

/** Tables, sequences, views and indexes outside PostgreSQL's own schemas: 0 means an empty database. */
async function userRelationCount(url: string): Promise<number> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: url, ssl: process.env.DATABASE_SSL === 'require' ? { rejectUnauthorized: true } : undefined });
  await client.connect();
  try {
    const result = await client.query<{ n: number }>(
      `select count(*)::int as n from pg_class c join pg_namespace s on s.oid = c.relnamespace
       where s.nspname !~ '^pg_' and s.nspname <> 'information_schema'`,
    );
    return result.rows[0].n;
  } finally {
    await client.end();
  }
}

export async function backupPostgres(file: string): Promise<void> {
  const url = databaseUrl();
  const { dbnameArg, env } = connectionOf(url);
  // Written under another name first, so FILE only ever appears complete.
  const partial = `${file}.partial-${process.pid}`;
  const result = await runPgTool('pg_dump', ['--format=custom', '--no-password', `--file=${partial}`, dbnameArg], env);
  if (!result.ok) {
    fs.rmSync(partial, { force: true });
    throw new Refused(`pg_dump failed, no backup was written:\n${result.stderr}`);
  }
  // Readable by the operator alone: it holds every applicant's personal data.
  fs.chmodSync(partial, 0o600);
  fs.renameSync(partial, file);
  const size = fs.statSync(file).size;
  console.log(`Backed up PostgreSQL database ${databaseName(url)} to ${file} (${(size / 1024 / 1024).toFixed(1)} MiB, pg_dump custom format).`);
}

export async function restorePostgres(file: string): Promise<void> {
  const url = databaseUrl();
  const name = databaseName(url);
  const toc = await runPgTool('pg_restore', ['--list', file]);
  if (!toc.ok) throw new Refused(`pg_restore cannot read ${file} (${toc.stderr}); nothing was changed.`);
  if (!/ TABLE public cases /.test(toc.stdout) || !/ TABLE public audit_log /.test(toc.stdout)) {
    throw new Refused(`${file} is a pg_dump archive, but not of a Hirewatch database (no cases and audit_log tables); nothing was changed.`);
  }
  const existing = await userRelationCount(url);
  if (existing > 0) {
    throw new Refused(
      `The database ${name} is not empty (${existing} tables, sequences or indexes): db restore only fills an empty database, so nothing is ever overwritten. ` +
        `Create one (createdb ${name}_restored), run this again with DATABASE_URL pointing at it, then point the servers at it. Nothing was changed.`,
    );
  }
  const { dbnameArg, env } = connectionOf(url);
  // --no-owner/--no-acl: the restoring role owns everything, whatever roles the old server had.
  const args = ['--single-transaction', '--exit-on-error', '--no-owner', '--no-acl', '--no-password', dbnameArg, file];
  const result = await runPgTool('pg_restore', args, env);
  if (!result.ok) {
    const left = await userRelationCount(url);
    throw new Refused(
      left === 0
        ? `pg_restore failed:\n${result.stderr}\nIt ran as one transaction, which was rolled back: the database ${name} is empty, as before.`
        : `pg_restore failed:\n${result.stderr}\nThe database ${name} now holds ${left} relations although the transaction should have been rolled back: drop it and create it again before retrying.`,
    );
  }
  console.log(`Restored ${file} into PostgreSQL database ${name}.`);
}
