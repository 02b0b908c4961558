// The one database client of the process: PGlite (embedded, persisted in HIREWATCH_DATA_DIR)
// when DATABASE_URL is unset, otherwise a pooled connection to a PostgreSQL server. Kept on
// globalThis so dev-server reloads and every module share it; migrations run before first use.
import fs from 'node:fs';
import path from 'node:path';
import type { PGlite as PGliteClient } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import * as schema from './schema';
import { acquireDataDirLock } from './data-dir-lock';
import { migrateDatabase } from './migrate';

type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type DbOrTx = Database | Transaction;
export type DatabaseKind = 'pglite' | 'postgres';

interface OpenDatabase {
  db: Database;
  kind: DatabaseKind;
  close: () => Promise<void>;
  /** Embedded only: the whole data directory as a gzipped tarball (PGlite's dumpDataDir). */
  dump?: () => Promise<Blob>;
}

const globalForDb = globalThis as unknown as { hirewatchDb?: Promise<OpenDatabase> };

/**
 * PGlite's buffer pool lives in the server's own memory (WASM pages, never given back once
 * touched), and its default of 128 MB is most of the server's RSS at 100k cases. Pages it
 * does not hold are read through the operating system's file cache, which already keeps them:
 * measured at 100k cases, 32 MB serves the case list, case files, networks and trends as fast
 * as 128 MB and saves about 100 MB of resident memory.
 */
const PGLITE_SHARED_BUFFERS = '32MB';

export function dataDir(): string {
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), process.env.HIREWATCH_DATA_DIR ?? 'data');
}

async function openPglite(): Promise<OpenDatabase> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { withPreparedStatements } = await import('./pglite-statements');
  // 'memory://' keeps the database in RAM (tests); anything else is a folder on disk.
  const dir = process.env.HIREWATCH_DATA_DIR === 'memory://' ? undefined : path.join(dataDir(), 'pglite');
  // Two processes on one data directory corrupt it: take its lock first (lib/db/data-dir-lock.ts).
  const release = dir ? acquireDataDirLock(dataDir(), process.env.HIREWATCH_PROCESS_ROLE === 'cli' ? 'cli' : 'server') : () => undefined;
  try {
    if (dir) fs.mkdirSync(dir, { recursive: true });
    const client = await PGlite.create(dir, { startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`] });
    // Each query text runs as a named prepared statement: parsed and planned once, not per
    // query. drizzle's PGlite driver calls only query and transaction (and keeps the client as
    // db.$client: the scale seed's COPY goes through the same query).
    const queries = withPreparedStatements(client) as unknown as PGliteClient;
    const db = drizzle({ client: queries, schema }) as unknown as Database;
    return {
      db,
      kind: 'pglite',
      dump: () => client.dumpDataDir('gzip'),
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

async function openPostgres(url: string): Promise<OpenDatabase> {
  const { Pool } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const pool = new Pool({
    connectionString: url,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    ssl: process.env.DATABASE_SSL === 'require' ? { rejectUnauthorized: true } : undefined,
  });
  // An idle pooled connection can die (server restart, failover, an administrator ending
  // it); pg reports that as an 'error' event, which would crash the process if unheard.
  // The pool drops the broken client and opens a new one on the next query.
  pool.on('error', (error) => console.error('[hirewatch] idle database connection lost:', error.message));
  const db = drizzle({ client: pool, schema }) as unknown as Database;
  return { db, kind: 'postgres', close: () => pool.end() };
}

async function open(): Promise<OpenDatabase> {
  const url = process.env.DATABASE_URL;
  const opened = url ? await openPostgres(url) : await openPglite();
  await migrateDatabase(opened.db, opened.kind);
  return opened;
}

function opened(): Promise<OpenDatabase> {
  if (!globalForDb.hirewatchDb) {
    globalForDb.hirewatchDb = open().catch((error) => {
      globalForDb.hirewatchDb = undefined;
      throw error;
    });
  }
  return globalForDb.hirewatchDb;
}

export async function getDb(): Promise<Database> {
  return (await opened()).db;
}

export async function getDbKind(): Promise<DatabaseKind> {
  return (await opened()).kind;
}

/** A backup of the embedded database (a tarball PGlite can load again); null on PostgreSQL. */
export async function dumpEmbeddedDatabase(): Promise<Blob | null> {
  const { dump } = await opened();
  return dump ? dump() : null;
}

export async function closeDb(): Promise<void> {
  const current = globalForDb.hirewatchDb;
  globalForDb.hirewatchDb = undefined;
  if (current) await (await current).close();
}

/** Rows of a raw `db.execute(sql…)`: both drivers answer `{ rows }`, typed unknown by drizzle. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
