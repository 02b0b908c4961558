// Applies the SQL migrations drizzle-kit generated in drizzle/, at start-up and in scripts.
import path from 'node:path';
import type { Database, DatabaseKind } from './client';

export function migrationsFolder(): string {
  return path.join(process.cwd(), 'drizzle');
}

export async function migrateDatabase(db: Database, kind: DatabaseKind): Promise<void> {
  if (kind === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(db as never, { migrationsFolder: migrationsFolder() });
  } else {
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    await migrate(db as never, { migrationsFolder: migrationsFolder() });
  }
}
