// `hirewatch db backup` / `db restore` round trip, run as child processes on this project's
// database (embedded PGlite data dirs, or fresh databases on the PostgreSQL test cluster):
// the demo organization plus fresh writes (a decision, watchlist entries, a note, their audit
// entries) is backed up, restored into a fresh database, and every table compared row for row
// (all columns, ordered by primary key) and every sequence; the restored audit chain verifies.
// Then the failures: a damaged backup changes nothing, a backup of the other kind is refused,
// and a restore never overwrites (PostgreSQL: refuses a non-empty database; embedded: keeps
// the replaced database aside).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '@/lib/audit/verify';
import { loadFactor } from '@/lib/auth/mfa/store';
import { addNote, moveCase } from '@/lib/cases/commands';
import { addNoteSchema, moveSchema } from '@/lib/cases/validators';
import { rowsOf } from '@/lib/db/client';
import { auditLog, cases, users } from '@/lib/db/schema';
import { addWatchlistEntry } from '@/lib/intel/watchlist-commands';
import { addWatchlistEntrySchema } from '@/lib/intel/watchlist-validators';
import { CLI_HOOK_TIMEOUT_MS, CLI_TEST_TIMEOUT_MS, newTarget, printCliTimings, relationCount, runCli, withTargetDb, type CliTarget } from './cli-process';
import { snapshotDatabase, type DatabaseSnapshot } from './table-snapshot';
import { postgresSkipped, runStep, testDbKind } from './test-db';

const embedded = testDbKind() === 'pglite';

type Target = Awaited<ReturnType<typeof newTarget>>;

/** The source's snapshot as the restored database should hold it: plus the one `database.restored` entry. */
function expectRestoredFrom(restored: DatabaseSnapshot, source: DatabaseSnapshot): void {
  const { 'public.audit_log': restoredAudit, ...restoredTables } = restored.tables;
  const { 'public.audit_log': sourceAudit, ...sourceTables } = source.tables;
  expect(Object.keys(restoredTables).sort()).toEqual(Object.keys(sourceTables).sort());
  for (const table of Object.keys(sourceTables)) expect(restoredTables[table], table).toEqual(sourceTables[table]);
  expect(restoredAudit.slice(0, sourceAudit.length)).toEqual(sourceAudit);
  expect(restoredAudit).toHaveLength(sourceAudit.length + 1);
  // A sequence must never be behind (ids would be handed out twice). pg_restore sets them
  // exactly; a PGlite data dir comes back through crash recovery, where PostgreSQL moves a
  // sequence past the values it had pre-logged (up to 32): a gap, as after any crash.
  expect(Object.keys(restored.sequences)).toEqual(Object.keys(source.sequences));
  for (const [name, value] of Object.entries(source.sequences)) {
    const restoredValue = Number(restored.sequences[name] ?? 0);
    const expected = Number(value ?? 0) + (name === 'public.audit_log_id_seq' ? 1 : 0);
    if (embedded) expect(restoredValue, name).toBeGreaterThanOrEqual(expected);
    else expect(restoredValue, name).toBe(expected);
  }
}

describe.skipIf(postgresSkipped)('CLI db backup and db restore', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  let source: Target;
  let restored: Target;
  let work: string;
  let backupFile: string;
  let sourceSnapshot: DatabaseSnapshot;
  const escalated = { reference: '', csoEmail: '' };

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'hirewatch-cli-backup-'));
    backupFile = path.join(work, embedded ? 'hirewatch.tar.gz' : 'hirewatch.dump');
    source = await newTarget('source');
    restored = await newTarget('restored');
    const seeded = await runCli(source, ['db', 'seed']);
    expect(seeded.code, seeded.stderr).toBe(0);
    // Fresh writes on top of the demo: a CSO escalates a case, a lead adds a watchlist entry and a note.
    await withTargetDb(source, async (db) => {
      const people = await db.select({ id: users.id, email: users.email, role: users.role }).from(users).where(inArray(users.role, ['cso', 'lead']));
      const [pending] = await db.select().from(cases).where(eq(cases.status, 'pending_decision')).limit(1);
      const cso = people.find((p) => p.role === 'cso' && p.id !== pending.assigneeId && p.id !== pending.submittedForDecisionById)!;
      const lead = people.find((p) => p.role === 'lead')!;
      const move = moveSchema.parse({ reference: pending.reference, move: 'escalate', version: pending.version, rationale: 'Shares a wallet with an escalated ring.' });
      await runStep(db, cso, moveCase, move);
      const entry = addWatchlistEntrySchema.parse({ kind: 'email', value: 'backup.check@example.org', list: 'block', source: 'Peer exchange', confidence: 'high' });
      await runStep(db, lead, addWatchlistEntry, entry);
      await runStep(db, lead, addNote, addNoteSchema.parse({ reference: pending.reference, body: 'Checked before the backup.' }));
      Object.assign(escalated, { reference: pending.reference, csoEmail: cso.email });
    });
  }, CLI_HOOK_TIMEOUT_MS);

  afterAll(async () => {
    printCliTimings('backup/restore');
    await source?.dispose();
    await restored?.dispose();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('backs up, restores into a fresh database, and every table matches row for row; the audit chain verifies', async () => {
    const backup = await runCli(source, ['db', 'backup', backupFile]);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/^Backed up .* to .*\(\d+\.\d MiB/m);
    expect(backup.stderr).toContain('The backup does not hold AUTH_SECRET');
    expect(fs.statSync(backupFile).mode & 0o777).toBe(0o600);
    sourceSnapshot = await withTargetDb(source, async (db) => {
      const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, 'database.backup'));
      expect(entry).toMatchObject({ actorEmail: expect.stringMatching(/^cli:/), targetType: 'database', targetId: path.basename(backupFile) });
      return snapshotDatabase(db);
    });
    expect(sourceSnapshot.tables['public.decisions'].some((row) => row.includes('Shares a wallet with an escalated ring.'))).toBe(true);

    // Restored beside the wrong key, the restore says the sealed second factors will not open.
    const wrongKey = embedded ? {} : { AUTH_SECRET: 'another-installation-secret-0123456789' };
    const restore = await runCli(restored, ['db', 'restore', backupFile], wrongKey);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toMatch(/Restored database: \d+ cases, \d+ users/);
    expect(restore.stdout).toMatch(/Audit log intact .*: [\d,]+ entries checked/);
    expect(restore.stderr).toMatch(embedded ? /sealed with a key this data directory does not have/ : /3 of 3 second factor\(s\).*do not decrypt with this AUTH_SECRET/);

    await withTargetDb(restored, async (db) => {
      expectRestoredFrom(await snapshotDatabase(db), sourceSnapshot);
      const chain = await verifyAuditChain(db);
      expect(chain.ok, JSON.stringify(chain.firstBroken)).toBe(true);
      expect(chain.checked).toBe(sourceSnapshot.tables['public.audit_log'].length + 1);
      const [last] = await db.select().from(auditLog).where(eq(auditLog.id, chain.head!.id));
      expect(last).toMatchObject({ action: 'database.restored', actorEmail: expect.stringMatching(/^cli:/), targetType: 'database' });
      // With the original key in place (embedded: its auth-secret file) the second factors open.
      if (embedded) fs.copyFileSync(path.join(dataDirOf(source), 'auth-secret'), path.join(dataDirOf(restored), 'auth-secret'));
      const [cso] = await db.select({ id: users.id }).from(users).where(eq(users.email, escalated.csoEmail));
      expect((await loadFactor(db, cso.id))?.secret).toMatch(/^[A-Z2-7]+$/);
    });
  });

  it('changes nothing when the backup is damaged, or of the other kind of database', async () => {
    const damaged = path.join(work, embedded ? 'damaged.tar.gz' : 'damaged.dump');
    const whole = fs.readFileSync(backupFile);
    fs.writeFileSync(damaged, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const otherKind = path.join(work, embedded ? 'other.dump' : 'other.tar.gz');
    fs.writeFileSync(otherKind, embedded ? Buffer.from('PGDMP\x01\x0e\x00') : Buffer.from([0x1f, 0x8b, 0x08, 0x00]));
    // Embedded: restore over the restored database, which must stay as it is.
    // PostgreSQL: restore into an empty database, which must stay empty.
    const target = embedded ? restored : await newTarget('empty');
    const contentOf = (t: CliTarget) => (t.kind === 'pglite' ? withTargetDb(t, snapshotDatabase) : relationCount(t.url));
    try {
      const before = await contentOf(target);
      // Not two at once on one embedded data dir: the second would be refused for the first.
      const [bad, existing] = await Promise.all([runCli(target, ['db', 'restore', damaged]), runCli(source, ['db', 'backup', backupFile])]);
      const wrong = await runCli(target, ['db', 'restore', otherKind]);
      expect(bad.code, bad.stdout).toBe(2);
      expect(bad.stderr).toMatch(embedded ? /is not a Hirewatch embedded-database backup, or it is damaged .*nothing was changed/ : /pg_restore failed:[\s\S]*rolled back: the database \S+ is empty, as before/);
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).toMatch(embedded ? /is a pg_dump backup of a PostgreSQL database/ : /is a backup of an embedded database/);
      expect(existing.code).toBe(2);
      expect(existing.stderr).toContain('exists; choose a new file name');
      expect(await contentOf(target)).toEqual(before);
      if (embedded) expect(fs.readdirSync(dataDirOf(target)).filter((name) => name.startsWith('pglite.'))).toEqual([]);
      else expect(before).toBe(0);
    } finally {
      if (target !== restored) await target.dispose();
    }
  });

  it.skipIf(!embedded)('embedded: restoring over a database keeps the replaced one aside', async () => {
    await withTargetDb(restored, (db) => db.execute(sql`insert into settings (key, value) values ('restore-check', '"after the backup"')`));
    const restore = await runCli(restored, ['db', 'restore', backupFile]);
    expect(restore.code, restore.stderr).toBe(0);
    const kept = restore.stdout.match(/The previous database is kept in (\S+)\./)?.[1];
    expect(kept && fs.existsSync(path.join(kept, 'PG_VERSION'))).toBe(true);
    expect(restore.stderr).toBe(''); // the auth-secret file is in place now: no key warning
    await withTargetDb(restored, async (db) => {
      expectRestoredFrom(await snapshotDatabase(db), sourceSnapshot);
      expect(rowsOf(await db.execute(sql`select 1 from settings where key = 'restore-check'`))).toEqual([]);
    });
  });

  it.skipIf(embedded)('PostgreSQL: refuses to restore into a database that is not empty, and changes nothing', async () => {
    const before = await withTargetDb(restored, snapshotDatabase);
    const restore = await runCli(restored, ['db', 'restore', backupFile]);
    expect(restore.code).toBe(2);
    expect(restore.stderr).toMatch(/is not empty \(\d+ tables, sequences or indexes\): db restore only fills an empty database.*Nothing was changed/);
    expect(await withTargetDb(restored, snapshotDatabase)).toEqual(before);
    await withTargetDb(restored, async (db) => {
      expect(await db.$count(auditLog, eq(auditLog.action, 'database.restored'))).toBe(1);
    });
  });
});

function dataDirOf(target: CliTarget): string {
  if (target.kind !== 'pglite') throw new Error('not an embedded target');
  return target.dataDir;
}
