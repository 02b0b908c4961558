// pg_dump and pg_restore for `db backup` / `db restore` on PostgreSQL: where to find them, and
// how to hand them the connection of DATABASE_URL without its password on their command line
// (where `ps` shows it to every local user): the password goes in PGPASSWORD instead.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Refused } from './embedded-guard';

export type PgTool = 'pg_dump' | 'pg_restore';

/** /usr/lib/postgresql/<major>/bin (Debian, Ubuntu), newest major first. */
function debianBinDirs(): string[] {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root)
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a))
    .map((major) => path.join(root, major, 'bin'));
}

/**
 * The tool's path: HIREWATCH_PG_BINDIR, then the newest /usr/lib/postgresql/<major>/bin, then
 * PATH. Newest first because pg_dump refuses a server newer than itself.
 */
export function findPgTool(tool: PgTool): string {
  const dirs = [process.env.HIREWATCH_PG_BINDIR, ...debianBinDirs(), ...(process.env.PATH ?? '').split(path.delimiter)];
  for (const dir of dirs) {
    if (!dir) continue;
    const file = path.join(dir, tool);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  throw new Refused(
    `${tool} was not found (looked in HIREWATCH_PG_BINDIR, /usr/lib/postgresql/*/bin and PATH). ` +
      `Install the PostgreSQL client tools of your server's version or newer (Debian: apt-get install postgresql-client), ` +
      'or point HIREWATCH_PG_BINDIR at the folder holding them.',
  );
}

/** `--dbname` without the password, and the environment that carries it (plus TLS as the app connects). */
export function connectionOf(databaseUrl: string): { dbnameArg: string; env: NodeJS.ProcessEnv } {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new Refused('DATABASE_URL is not a valid URL (postgres://user:password@host:port/database).');
  }
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
  url.password = '';
  // The app verifies the server's certificate when DATABASE_SSL=require (lib/db/client.ts).
  if (process.env.DATABASE_SSL === 'require' && !url.searchParams.has('sslmode')) env.PGSSLMODE = 'verify-full';
  return { dbnameArg: `--dbname=${url.toString()}`, env };
}

export interface ToolResult {
  ok: boolean;
  stdout: string;
  stderr: string;
}

/** Runs the tool to completion; never prompts for a password (--no-password is the caller's). */
export function runPgTool(tool: PgTool, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<ToolResult> {
  const file = findPgTool(tool);
  return new Promise((resolve) => {
    execFile(file, args, { env, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ ok: !error, stdout, stderr: stderr.trim() || (error?.message ?? '') });
    });
  });
}
