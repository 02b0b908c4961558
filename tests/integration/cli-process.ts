// Runs the CLI as an operator does: `node --import tsx scripts/hirewatch.ts …` in a child
// process, against a database of its own: an embedded data directory in a temp folder (pglite
// project) or a fresh database on the throwaway PostgreSQL cluster (postgres project). The
// test process reads and checks that same database through lib/db/client between commands;
// on the embedded database only while no command runs, since two openers corrupt it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '@/lib/db/client';
import { createPostgresDatabase, testDbKind } from './test-db';

export type CliTarget = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const ROOT = path.resolve(import.meta.dirname, '../..');
const SPAWN_TIMEOUT_MS = 180_000;

// A test here waits for several processes that each start Node and open the database: ~1-3 s
// apiece on an idle machine, ten times that on a loaded one. These ceilings only catch a hang.
export const CLI_TEST_TIMEOUT_MS = 300_000;
export const CLI_HOOK_TIMEOUT_MS = 300_000;

/** Wall time of every spawn, printed by printCliTimings (figures, never asserted). */
const timings: { args: string; ms: number }[] = [];

/** A new, empty database of this project's kind; dispose() removes it. */
export async function newTarget(label: string): Promise<CliTarget & { dispose: () => Promise<void> }> {
  if (testDbKind() === 'pglite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `hirewatch-cli-${label}-`));
    return { kind: 'pglite', dataDir, dispose: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const { url, drop } = await createPostgresDatabase();
  return { kind: 'postgres', url, dispose: drop };
}

/** The environment of a process working on `target`, nothing inherited that points elsewhere. */
export function targetEnv(target: CliTarget, extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['DATABASE_URL', 'HIREWATCH_DATA_DIR', 'HIREWATCH_PROCESS_ROLE']) delete env[name];
  if (target.kind === 'pglite') env.HIREWATCH_DATA_DIR = target.dataDir;
  else env.DATABASE_URL = target.url;
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

/** Spawns a TypeScript entry point of this repository with tsx, resolving the `@/` alias as the app does. */
export function spawnTs(script: string, args: string[], env: NodeJS.ProcessEnv) {
  return spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'], timeout: SPAWN_TIMEOUT_MS, killSignal: 'SIGKILL' });
}

/** `npm run hirewatch -- <args>` against `target`; resolves when it exits. */
export function runCli(target: CliTarget, args: string[], extraEnv: Record<string, string | undefined> = {}): Promise<CliResult> {
  const started = Date.now();
  const child = spawnTs('scripts/hirewatch.ts', args, targetEnv(target, extraEnv));
  child.stdin.end();
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      timings.push({ args: args.join(' '), ms: Date.now() - started });
      resolve({ code, stdout, stderr });
    });
  });
}

/** The last non-empty line of a command's output. */
export function lastLine(text: string): string {
  return text.trimEnd().split('\n').at(-1) ?? '';
}

/** Opens `target` in this process through lib/db/client, runs `check`, and closes it again. */
export async function withTargetDb<T>(target: CliTarget, check: (db: Database) => Promise<T>): Promise<T> {
  const env = targetEnv(target);
  for (const name of ['DATABASE_URL', 'HIREWATCH_DATA_DIR']) {
    if (env[name] === undefined) delete process.env[name];
    else process.env[name] = env[name];
  }
  const { closeDb, getDb } = await import('@/lib/db/client');
  try {
    return await check(await getDb());
  } finally {
    await closeDb();
  }
}

export function printCliTimings(suite: string): void {
  const total = timings.reduce((sum, t) => sum + t.ms, 0);
  const slowest = [...timings].sort((a, b) => b.ms - a.ms).slice(0, 3);
  console.log(
    `[${testDbKind()}] ${suite}: ${timings.length} CLI processes, ${(total / 1000).toFixed(1)} s of spawn wall time; slowest: ` +
      slowest.map((t) => `${t.args} ${(t.ms / 1000).toFixed(1)} s`).join(', '),
  );
  timings.length = 0;
}

/** PostgreSQL, without the app's client (which would migrate): relations outside the system schemas, 0 in an empty database. */
export async function relationCount(url: string): Promise<number> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ n: number }>(`select count(*)::int as n from pg_class c join pg_namespace s on s.oid = c.relnamespace where s.nspname !~ '^pg_' and s.nspname <> 'information_schema'`);
    return result.rows[0].n;
  } finally {
    await client.end();
  }
}
