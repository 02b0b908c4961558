// db backup FILE / db restore FILE, on either database: the embedded one (a PGlite data-dir
// tarball, scripts/cli/backup-embedded.ts) or PostgreSQL (pg_dump custom format restored by
// pg_restore into an empty database, scripts/cli/backup-postgres.ts). The two kinds of file
// are told apart by their first bytes, so a backup given to the wrong database is refused with
// what to do instead. After a restore, the restored database is migrated to this version and
// checked: its audit chain verified, and its sealed secrets tried against this key.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { appendAudit } from '@/lib/audit/log';
import { verifyAuditChain } from '@/lib/audit/verify';
import { rowsOf, type Database } from '@/lib/db/client';
import { cliActor } from './actor';
import { reportChain } from './audit-report';
import { backupEmbedded, restoreEmbedded } from './backup-embedded';
import { backupPostgres, restorePostgres } from './backup-postgres';
import { Refused } from './embedded-guard';
import { sealedSecretWarnings } from './sealed-secrets-check';

type BackupKind = 'postgres' | 'embedded' | 'unknown';

/** pg_dump's custom format starts with "PGDMP"; PGlite's dumpDataDir('gzip') is gzip (1f 8b). */
function kindOf(file: string): BackupKind {
  const head = Buffer.alloc(5);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, 5, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.toString('latin1') === 'PGDMP') return 'postgres';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'embedded';
  return 'unknown';
}

const KEY_NOT_INCLUDED =
  'The backup does not hold AUTH_SECRET (embedded database: the auth-secret file of the data directory), which seals the second factors and webhook secrets: keep it safe separately, a restore needs it.';

export function refuseExistingFile(file: string): void {
  if (fs.existsSync(file)) throw new Refused(`${file} exists; choose a new file name.`);
}

/**
 * Backs up the open database to FILE. The backup is audited first, so the backup holds the
 * record of its own making (a dump that then fails leaves that entry as the attempt it was).
 */
export async function backup(db: Database, file: string): Promise<void> {
  refuseExistingFile(file);
  await appendAudit(db, cliActor('db backup'), { action: 'database.backup', targetType: 'database', targetId: path.basename(file), after: { file: path.resolve(file) } });
  if (process.env.DATABASE_URL) await backupPostgres(file);
  else await backupEmbedded(file);
  console.error(KEY_NOT_INCLUDED);
}

/** Loads the backup (refusing a file of the other kind); the caller then opens the database and runs reportRestored. */
export async function restore(file: string | undefined, dataDir: string): Promise<void> {
  if (!file || !fs.existsSync(file)) throw new Refused('Give an existing backup file: db restore FILE.');
  const kind = kindOf(file);
  if (kind === 'unknown') throw new Refused(`${file} is not a Hirewatch backup (neither a pg_dump archive nor an embedded-database tarball); nothing was changed.`);
  if (process.env.DATABASE_URL) {
    if (kind === 'embedded') throw new Refused(`${file} is a backup of an embedded database: restore it without DATABASE_URL (into HIREWATCH_DATA_DIR). Nothing was changed.`);
    await restorePostgres(file);
  } else {
    if (kind === 'postgres') throw new Refused(`${file} is a pg_dump backup of a PostgreSQL database: restore it with DATABASE_URL pointing at an empty PostgreSQL database. Nothing was changed.`);
    await restoreEmbedded(file, dataDir);
  }
}

/**
 * What was restored, whether its audit chain holds (exit 1 when broken), and whether this key
 * opens its secrets. The restore is then audited on top of the restored chain.
 */
export async function reportRestored(db: Database, restored: { file: string; target: string; embeddedDataDir: string | null }): Promise<number> {
  const [counts] = rowsOf<{ cases: number; users: number }>(
    await db.execute(sql`select (select count(*)::int from cases) as cases, (select count(*)::int from users) as users`),
  );
  console.log(`Restored database: ${counts.cases} cases, ${counts.users} users (migrated to this version).`);
  const status = await verifyAuditChain(db);
  reportChain(status, restored.target);
  for (const warning of await sealedSecretWarnings(db, restored.embeddedDataDir)) console.error(warning);
  await appendAudit(db, cliActor('db restore'), {
    action: 'database.restored',
    targetType: 'database',
    targetId: path.basename(restored.file),
    after: { file: path.resolve(restored.file), cases: counts.cases, users: counts.users, chainIntact: status.ok, chainHead: status.head?.id ?? null },
  });
  return status.ok ? 0 : 1;
}
