// vitest globalSetup of the "postgres" project: starts a throwaway PostgreSQL 15 cluster for
// the run (trust auth, loopback only, fsync off) and hands its URL to the tests through
// `provide('postgresUrl', …)`; each test file then creates its own database on it
// (tests/integration/test-db.ts). The cluster and its folder are removed at the end.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the `postgres` database of the test cluster; '' when postgres tests are skipped. */
    postgresUrl: string;
  }
}

const REQUIRED = ['initdb', 'pg_ctl', 'postgres'];

function hasBinaries(dir: string): boolean {
  return REQUIRED.every((name) => fs.existsSync(path.join(dir, name)));
}

/** The folder holding initdb/pg_ctl/postgres of PostgreSQL 15, or null. */
function findBinDir(): string | null {
  const candidates = [process.env.HIREWATCH_PG_BINDIR, '/usr/lib/postgresql/15/bin'];
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  } catch {
    // no pg_config on PATH: only the fixed locations remain
  }
  return candidates.find((dir): dir is string => Boolean(dir) && hasBinaries(dir as string)) ?? null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

// initdb (and postgres itself) refuse to run as root: as root, run them as `postgres`.
const asRoot = process.getuid?.() === 0;

function run(binDir: string, tool: string, args: string[]): string {
  const file = path.join(binDir, tool);
  const [command, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
  try {
    return execFileSync(command, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${tool} ${args.join(' ')} failed: ${failed.message}\n${failed.stdout ?? ''}${failed.stderr ?? ''}`);
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (process.env.HIREWATCH_SKIP_POSTGRES_TESTS === '1') {
    console.warn('[postgres-global-setup] HIREWATCH_SKIP_POSTGRES_TESTS=1: the postgres integration tests are skipped.');
    project.provide('postgresUrl', '');
    return undefined;
  }
  const binDir = findBinDir();
  if (!binDir) {
    throw new Error(
      'The "postgres" integration tests need the PostgreSQL 15 server binaries (initdb, pg_ctl, postgres) in ' +
        '/usr/lib/postgresql/15/bin or `pg_config --bindir`: install them (apt-get install postgresql-15), point ' +
        'HIREWATCH_PG_BINDIR at them, or set HIREWATCH_SKIP_POSTGRES_TESTS=1 to skip these tests.',
    );
  }

  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hirewatch-pg-'));
  const dataDir = path.join(root, 'data');
  const socketDir = path.join(root, 'socket');
  const logFile = path.join(root, 'postgres.log');
  fs.mkdirSync(socketDir);
  if (asRoot) {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    const [uid, gid] = [id('-u'), id('-g')];
    for (const entry of [root, socketDir]) fs.chownSync(entry, uid, gid);
  }

  let started = false;
  const stop = () => {
    if (started) {
      started = false;
      try {
        run(binDir, 'pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
      } catch (error) {
        console.error('[postgres-global-setup] could not stop the test cluster:', (error as Error).message);
      }
    }
    fs.rmSync(root, { recursive: true, force: true });
  };
  // If vitest is interrupted before teardown, still stop the server (synchronously).
  const onExit = () => stop();
  process.once('exit', onExit);

  try {
    const startedAt = Date.now();
    run(binDir, 'initdb', ['-D', dataDir, '--auth=trust', '--username=postgres', '--encoding=UTF8', '--locale=C', '--no-sync']);
    const port = await freePort();
    const options = `-p ${port} -k ${socketDir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    // -l: without a log file the server keeps pg_ctl's stdout open and execFileSync never returns.
    run(binDir, 'pg_ctl', ['-D', dataDir, '-l', logFile, '-o', options, '-w', '-t', '60', 'start']);
    started = true;
    console.log(`[postgres-global-setup] PostgreSQL test cluster on 127.0.0.1:${port} (${Date.now() - startedAt} ms)`);
    project.provide('postgresUrl', `postgres://postgres@127.0.0.1:${port}/postgres`);
  } catch (error) {
    const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-2000) : '';
    stop();
    process.removeListener('exit', onExit);
    throw new Error(`Could not start the PostgreSQL test cluster: ${(error as Error).message}${log ? `\nServer log:\n${log}` : ''}`);
  }

  return async () => {
    process.removeListener('exit', onExit);
    stop();
  };
}
