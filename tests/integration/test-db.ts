// Each integration test file gets a database of its own, on the backend its vitest project
// names (HIREWATCH_TEST_DB): an in-memory PGlite, or a fresh database on the throwaway
// PostgreSQL cluster of postgres-global-setup.ts. Nothing is mocked: the app's own client
// (lib/db/client.ts) opens it and runs the migrations.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { inject } from 'vitest';
import { appendAudit } from '@/lib/audit/log';
import type { StepResult } from '@/lib/actions/authorized-action';
import type { Database, Transaction } from '@/lib/db/client';
import { users } from '@/lib/db/schema';
import { seedReferenceData } from '@/lib/db/seed/reference-data';
import type { SessionUser } from '@/lib/auth/session';
import { ROLES, type Role } from '@/lib/domain';

export type TestDbKind = 'pglite' | 'postgres';

export function testDbKind(): TestDbKind {
  const kind = process.env.HIREWATCH_TEST_DB;
  if (kind !== 'pglite' && kind !== 'postgres') {
    throw new Error(`HIREWATCH_TEST_DB must be "pglite" or "postgres" (got ${kind}); run through a vitest project.`);
  }
  return kind;
}

/** True when this is the postgres project and the global setup was told to skip it. */
export const postgresSkipped = process.env.HIREWATCH_TEST_DB === 'postgres' && !inject('postgresUrl');

let dropCreatedDatabase: (() => Promise<void>) | null = null;

async function withAdminClient<T>(adminUrl: string, fn: (client: import('pg').Client) => Promise<T>): Promise<T> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A new, empty database on the PostgreSQL test cluster (not opened, not migrated). */
export async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = inject('postgresUrl');
  if (!adminUrl) throw new Error('No PostgreSQL test cluster (HIREWATCH_SKIP_POSTGRES_TESTS=1?): skip this suite with postgresSkipped.');
  const name = `hirewatch_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withAdminClient(adminUrl, async (client) => void (await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))),
  };
}

/** A fresh, migrated database for this test file, opened through lib/db/client. */
export async function openTestDb(): Promise<Database> {
  if (testDbKind() === 'pglite') {
    delete process.env.DATABASE_URL;
    process.env.HIREWATCH_DATA_DIR = 'memory://';
  } else {
    const created = await createPostgresDatabase();
    dropCreatedDatabase = created.drop;
    process.env.DATABASE_URL = created.url;
    delete process.env.HIREWATCH_DATA_DIR;
  }
  const { getDb } = await import('@/lib/db/client');
  return getDb();
}

export async function closeTestDb(): Promise<void> {
  const { closeDb } = await import('@/lib/db/client');
  await closeDb();
  const drop = dropCreatedDatabase;
  dropCreatedDatabase = null;
  await drop?.();
}

export interface TestUser {
  id: string;
  email: string;
  role: Role;
}

let userCounter = 0;

/** A user of this role with a unique email and a dummy password hash (nobody signs in here). */
export async function createUser(db: Database, role: Role, label: string = role): Promise<TestUser> {
  userCounter += 1;
  const [row] = await db
    .insert(users)
    .values({
      email: `${label}-${userCounter}-${randomBytes(3).toString('hex')}@integration.test`,
      name: `${label} ${userCounter}`,
      role,
      passwordHash: 'not-a-real-hash',
    })
    .returning({ id: users.id, email: users.email, role: users.role });
  return row;
}

/** One signed-in user of every role, as the session helpers would return them. */
export async function createSessionUsers(db: Database): Promise<Record<Role, SessionUser>> {
  const people = {} as Record<Role, SessionUser>;
  for (const role of ROLES) {
    const user = await createUser(db, role);
    people[role] = { ...user, name: user.email };
  }
  return people;
}

/** The indicator catalog, yearly totals and incidents (idempotent). */
export async function seedReference(db: Database): Promise<void> {
  await seedReferenceData(db);
}

/**
 * Runs one business step the way the server-action wrapper does: inside one transaction,
 * with the audit entries it returns appended in that same transaction.
 */
export async function runStep<I, R extends StepResult>(
  db: Database,
  actor: TestUser,
  step: (tx: Transaction, actor: Pick<TestUser, 'id' | 'role'>, input: I) => Promise<R>,
  input: I,
): Promise<R> {
  const result = await db.transaction(async (tx) => {
    const outcome = await step(tx, actor, input);
    await appendAudit(tx, { id: actor.id, email: actor.email, ip: '127.0.0.1', userAgent: 'integration-test' }, outcome.audit);
    return outcome;
  });
  await result.afterCommit?.();
  return result;
}

/** count(*) of a table, optionally filtered by a raw condition. */
export async function countRows(db: Database, table: string, where?: ReturnType<typeof sql>): Promise<number> {
  const result = await db.execute(sql`select count(*)::int as n from ${sql.identifier(table)} ${where ? sql`where ${where}` : sql``}`);
  return (result as unknown as { rows: { n: number }[] }).rows[0].n;
}

/** The message of an error and of every error in its `cause` chain (drizzle wraps driver errors). */
export function errorChainText(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  while (current instanceof Error && parts.length < 10) {
    parts.push(current.message);
    current = current.cause;
  }
  if (current !== undefined && !(current instanceof Error)) parts.push(String(current));
  return parts.join(' <- ');
}
