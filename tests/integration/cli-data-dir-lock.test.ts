// The embedded database belongs to one process at a time: two processes opening one PGlite
// data dir corrupt it. While another process (a stand-in for the server, or for another CLI
// command, keeping the database open as they do) holds the data dir, every CLI command that
// would open it must refuse with a message naming the holder and exit status 2, change
// nothing, and leave the database intact. The second line of defence, the lock file, is checked on its own: a live
// holder refuses the command, a holder that is gone (a crash) is taken over.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '@/lib/audit/verify';
import { lockPathOf } from '@/lib/db/data-dir-lock';
import { addWatchlistEntry } from '@/lib/intel/watchlist-commands';
import { addWatchlistEntrySchema } from '@/lib/intel/watchlist-validators';
import { CLI_HOOK_TIMEOUT_MS, CLI_TEST_TIMEOUT_MS, newTarget, printCliTimings, runCli, spawnTs, targetEnv, withTargetDb } from './cli-process';
import { snapshotDatabase, type DatabaseSnapshot } from './table-snapshot';
import { createUser, runStep, seedReference, testDbKind } from './test-db';

describe.skipIf(testDbKind() !== 'pglite')('CLI on an embedded data dir another process holds', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  let target: Awaited<ReturnType<typeof newTarget>> & { kind: 'pglite' };
  let work: string;
  let before: DatabaseSnapshot;

  beforeAll(async () => {
    target = (await newTarget('lock')) as typeof target;
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'hirewatch-cli-lock-'));
    // Reference data and an audited write: enough rows, and an audit chain, to see a change.
    before = await withTargetDb(target, async (db) => {
      await seedReference(db);
      const lead = await createUser(db, 'lead');
      const entry = addWatchlistEntrySchema.parse({ kind: 'email', value: 'held@cli-lock.example', list: 'block', source: 'Lock test', confidence: 'high' });
      await runStep(db, lead, addWatchlistEntry, entry);
      return snapshotDatabase(db);
    });
  }, CLI_HOOK_TIMEOUT_MS);

  afterAll(async () => {
    printCliTimings('data-dir lock');
    await target?.dispose();
    fs.rmSync(work, { recursive: true, force: true });
  });

  /** Everything a refused command must leave as it was. */
  async function expectUntouched(): Promise<void> {
    expect(fs.readdirSync(target.dataDir)).toEqual(['pglite']); // no lock left, nothing restored or staged
    expect(fs.readdirSync(work)).toEqual(['applicants.jsonl', 'old-backup.tar.gz']);
    await withTargetDb(target, async (db) => {
      expect(await snapshotDatabase(db)).toEqual(before);
      expect((await verifyAuditChain(db)).ok).toBe(true);
    });
  }

  /** A process that opens the data dir as `role` and holds it until release() (which resolves to its exit status). */
  async function holdDataDir(role: 'server' | 'cli'): Promise<{ pid: number; release: () => Promise<number | null> }> {
    const holder = spawnTs('tests/integration/fixtures/hold-data-dir.ts', [], targetEnv(target, { HIREWATCH_PROCESS_ROLE: role === 'cli' ? 'cli' : undefined }));
    const exited = new Promise<number | null>((resolve) => holder.on('close', resolve));
    await new Promise<void>((resolve, reject) => {
      holder.stdout.setEncoding('utf8').on('data', (chunk: string) => chunk.includes('open') && resolve());
      holder.on('close', (code) => reject(new Error(`the holder exited (${code}) before opening the database`)));
    });
    return { pid: holder.pid!, release: () => (holder.stdin.end(), exited) };
  }

  it('refuses every command while the server holds the data dir, and the database stays intact', async () => {
    const applicants = path.join(work, 'applicants.jsonl');
    fs.writeFileSync(applicants, '{"externalId":"LOCK-1"}\n');
    const oldBackup = path.join(work, 'old-backup.tar.gz');
    fs.writeFileSync(oldBackup, Buffer.from([0x1f, 0x8b, 0x08, 0x00]));

    const holder = await holdDataDir('server');
    try {
      const commands = [
        ['audit', 'verify'],
        ['user', 'create', '--email', 'late@cli.example', '--name', 'Late', '--role', 'lead'],
        ['import', applicants],
        ['db', 'seed'],
        ['db', 'backup', path.join(work, 'new-backup.tar.gz')],
        ['db', 'restore', oldBackup],
      ];
      const results = await Promise.all(commands.map((args) => runCli(target, args)));
      results.forEach((result, i) => {
        const command = commands[i].join(' ');
        expect(result.code, command).toBe(2);
        expect(result.stderr, command).toContain(`The Hirewatch server (pid ${holder.pid}, started `);
        expect(result.stderr, command).toContain('Two processes using one embedded database corrupt it: stop the server first');
        expect(result.stdout, command).toBe('');
      });
    } finally {
      expect(await holder.release()).toBe(0);
    }
    expect(fs.existsSync(lockPathOf(target.dataDir))).toBe(false);
    await expectUntouched();
  });

  it('refuses a second command while another command holds the data dir', async () => {
    const holder = await holdDataDir('cli');
    try {
      const second = await runCli(target, ['audit', 'verify']);
      expect(second.code).toBe(2);
      expect(second.stderr).toMatch(new RegExp(`^Another Hirewatch command \\(pid ${holder.pid}: .*hold-data-dir\\.ts\\) has the embedded database in .* open\\. Wait for it to finish\\.$`, 'm'));
    } finally {
      expect(await holder.release()).toBe(0);
    }
    await expectUntouched();
  });

  it('refuses while the lock file names a live process, and takes over the lock of one that is gone', async () => {
    const lock = lockPathOf(target.dataDir);
    const holder = (pid: number) => JSON.stringify({ pid, role: 'server', command: 'next start', host: os.hostname(), startedAt: '2026-01-01T00:00:00.000Z' });
    // This test process is alive but has no file of the data dir open: only the lock file tells.
    fs.writeFileSync(lock, holder(process.pid));
    const refused = await runCli(target, ['audit', 'verify']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`The Hirewatch server (pid ${process.pid}, started 2026-01-01T00:00:00.000Z) has the embedded database in ${target.dataDir} open.`);
    // A server that crashed leaves its lock behind; its pid no longer runs.
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    fs.writeFileSync(lock, holder(gone));
    const taken = await runCli(target, ['audit', 'verify']);
    expect(taken.code, taken.stderr).toBe(0);
    expect(taken.stdout).toContain('Audit log intact');
    expect(fs.existsSync(lock)).toBe(false);
    await expectUntouched();
  });
});
