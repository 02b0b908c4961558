// `npm run hirewatch -- <command>` end to end: each command runs as a child process (as an
// operator runs it) against this project's database, a fresh embedded data dir or a fresh
// PostgreSQL database, and the test checks its exit status, its output and what it did to the
// database. Spawns are costly (~1-2 s each on an idle machine), so each test groups the
// assertions of one command family; usage errors run in parallel, since they must answer
// before any database is opened.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { count, eq, inArray, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '@/lib/auth/password';
import { rowsOf } from '@/lib/db/client';
import { apiTokens, auditLog, cases, users, watchlist } from '@/lib/db/schema';
import { DEMO_USERS } from '@/lib/db/seed/demo-users';
import { CLI_TEST_TIMEOUT_MS, lastLine, newTarget, printCliTimings, relationCount, runCli, withTargetDb } from './cli-process';
import { postgresSkipped, testDbKind } from './test-db';

const embedded = testDbKind() === 'pglite';

function applicant(externalId: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    externalId,
    claimedName: `Applicant ${externalId}`,
    resumeName: `Applicant ${externalId}`,
    role: 'Backend engineer',
    region: 'EU',
    source: 'ats_import',
    identifiers: [{ kind: 'email', value: `${externalId.toLowerCase()}@cli-import.example` }],
    ...extra,
  });
}

describe.skipIf(postgresSkipped)('CLI commands', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  let target: Awaited<ReturnType<typeof newTarget>>;
  let work: string;
  const file = (name: string, content: string) => {
    const full = path.join(work, name);
    fs.writeFileSync(full, content);
    return full;
  };
  const cli = (...args: string[]) => runCli(target, args);

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'hirewatch-cli-files-'));
    target = await newTarget('commands');
  });

  afterAll(async () => {
    printCliTimings('commands');
    await target?.dispose();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('answers bad usage with exit status 2 and a message, before opening any database', async () => {
    const csvWithoutIds = file('no-ids.csv', 'name,email\nAlex,alex@example.org\n');
    const cases: [string[], RegExp][] = [
      [[], /^Usage: npm run hirewatch -- <command>/],
      [['frobnicate'], /Unknown command "frobnicate"/],
      [['audit', 'verify', '--no-such-option'], /Unknown option '--no-such-option'/],
      [['audit', 'verify', '--batch-size', '0'], /--batch-size must be a positive integer \(got 0\)/],
      [['user', 'create', '--email', 'not-an-email', '--name', 'X', '--role', 'root'], /--email: [\s\S]*--role: /],
      [['user', 'disable'], /Give --email of the user to disable/],
      [['token', 'create', '--role', 'admin', '--name', 'ats'], /--role: /],
      [['import'], /Give one file: import FILE/],
      [['import', path.join(work, 'missing.jsonl')], /No file .*missing\.jsonl/],
      [['import', csvWithoutIds], /The CSV has no column for: externalId/],
      [['export', 'cases', '--format', 'xml'], /--format is jsonl or csv/],
      [['watchlist', 'import'], /Give one file: watchlist import FILE/],
      [['db', 'backup'], /Give one new file: db backup FILE/],
      [['db', 'restore', path.join(work, 'missing.tar.gz')], /Give an existing backup file/],
    ];
    const [help, ...results] = await Promise.all([cli('help'), ...cases.map(([args]) => cli(...args))]);
    expect(help.code).toBe(0);
    for (const command of ['user create', 'user disable', 'token create', 'import FILE', 'export cases', 'watchlist import', 'watchlist export', 'db migrate', 'db seed', 'db backup', 'db restore', 'audit verify']) {
      expect(help.stdout).toContain(command);
    }
    results.forEach((result, i) => {
      expect(result.code, cases[i][0].join(' ')).toBe(2);
      expect(result.stderr, cases[i][0].join(' ')).toMatch(cases[i][1]);
      expect(result.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/); // no stack trace
    });
    if (target.kind === 'pglite') {
      expect(fs.readdirSync(target.dataDir)).toEqual([]);
      const verify = await cli('audit', 'verify');
      expect(verify.code).toBe(2);
      expect(verify.stderr).toMatch(/No embedded database in .*pglite\. Point HIREWATCH_DATA_DIR/);
    } else {
      expect(await relationCount(target.url)).toBe(0);
    }
  });

  it('db migrate creates the schema; db seed creates the demo organization', async () => {
    const migrate = await cli('db', 'migrate');
    expect(migrate.code, migrate.stderr).toBe(0);
    expect(migrate.stdout).toContain('Migrations applied.');
    const journal = JSON.parse(fs.readFileSync('drizzle/meta/_journal.json', 'utf8')) as { entries: unknown[] };
    await withTargetDb(target, async (db) => {
      const [applied] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`));
      expect(applied.n).toBe(journal.entries.length);
      expect(await db.$count(users)).toBe(0);
    });
    const seed = await cli('db', 'seed');
    expect(seed.code, seed.stderr).toBe(0);
    for (const user of DEMO_USERS) expect(seed.stdout).toContain(user.email);
    await withTargetDb(target, async (db) => {
      expect(await db.$count(users)).toBe(DEMO_USERS.length);
      expect(await db.$count(cases)).toBeGreaterThanOrEqual(50);
    });
  });

  it('user create prints a generated password once; the same email is refused; user disable disables', async () => {
    const email = 'night.shift.lead@cli.example';
    const created = await cli('user', 'create', '--email', email, '--name', 'Night Shift Lead', '--role', 'lead');
    expect(created.code, created.stderr).toBe(0);
    const password = lastLine(created.stdout);
    expect(created.stdout).toContain('Initial password (shown once):');
    const again = await cli('user', 'create', '--email', email.toUpperCase(), '--name', 'Other', '--role', 'cso', '--password', 'correct horse battery staple');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--email: A user with this email already exists.');
    const disabled = await cli('user', 'disable', '--email', email);
    expect(disabled.code, disabled.stderr).toBe(0);
    const nobody = await cli('user', 'disable', '--email', 'nobody@cli.example');
    expect(nobody.code).toBe(2);
    expect(nobody.stderr).toContain('No user nobody@cli.example.');
    await withTargetDb(target, async (db) => {
      const rows = await db.select().from(users).where(eq(users.email, email));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ role: 'lead', disabled: true });
      expect(await verifyPassword(rows[0].passwordHash, password)).toBe(true);
      const entries = await db.select().from(auditLog).where(eq(auditLog.targetId, email)).orderBy(auditLog.id);
      expect(entries.map((e) => [e.action, e.actorEmail.startsWith('cli:')])).toEqual([
        ['user.created', true],
        ['user.disabled', true],
      ]);
      expect(JSON.stringify(entries)).not.toContain(password);
    });
  });

  it('token create prints the secret alone on the last line; its stored hash matches and it authenticates', async () => {
    const created = await cli('token', 'create', '--role', 'lead', '--name', 'soc-cli');
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/^hw_[A-Za-z0-9_-]{43}\n$/); // stdout is the secret alone
    const secret = lastLine(created.stdout);
    expect(created.stderr).toContain('Token "soc-cli" created.');
    await withTargetDb(target, async (db) => {
      const [token] = await db.select().from(apiTokens).where(eq(apiTokens.name, 'soc-cli'));
      expect(token).toMatchObject({ role: 'lead', tokenHash: createHash('sha256').update(secret).digest('hex'), revokedAt: null });
      const [anyCase] = await db.select({ reference: cases.reference }).from(cases).limit(1);
      const { GET } = await import('@/app/api/v1/clearance/route');
      const request = new Request(`http://hirewatch.test/api/v1/clearance?reference=${anyCase.reference}`, { headers: { authorization: `Bearer ${secret}` } });
      const response = await GET(request, { params: Promise.resolve({}) });
      expect(response.status, await response.clone().text()).toBe(200);
      expect(await response.json()).toMatchObject({ reference: anyCase.reference });
      const [lookup] = await db.select().from(auditLog).where(eq(auditLog.action, 'clearance.viewed'));
      expect(lookup.actorEmail).toBe('token:soc-cli');
    });
  });

  it('import takes JSON Lines and CSV: progress on stderr, refused lines by number, nothing twice on re-import', async () => {
    const jsonl = file(
      'applicants.jsonl',
      [applicant('CLI-1'), '', '{"externalId": "CLI-BROKEN",', applicant('CLI-2'), applicant('CLI-MARS', { region: 'MARS' }), applicant('CLI-3')].join('\n'),
    );
    const first = await cli('import', jsonl);
    expect(first.code).toBe(1); // some lines were refused
    expect(first.stderr).toContain('5 of 5 lines (2 refused)');
    expect(first.stderr).toMatch(/^line 3: Not valid JSON/m);
    expect(first.stderr).toMatch(/^line 5: .*region/m);
    expect(first.stdout).toMatch(/^Import done: 3 imported, 2 refused, of 5/m);
    const again = await cli('import', jsonl);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^line 5: .*region/m);
    const csv = file('applicants.csv', 'externalId,claimedName,resumeName,role,region,source,email\nCSV-1,Dana Park,Dana Park,SRE,APAC,referral,dana.park@cli-import.example\nCSV-2,Lee Moreau,Lee Moreau,QA,NA,agency,lee.moreau@cli-import.example\n');
    const fromCsv = await cli('import', csv, '--as', 'lead2@hirewatch.test');
    expect(fromCsv.code, fromCsv.stderr).toBe(0);
    expect(fromCsv.stderr).toContain('2 of 2 lines (0 refused)');
    await withTargetDb(target, async (db) => {
      const imported = await db
        .select({ externalId: cases.externalId, n: count() })
        .from(cases)
        .where(inArray(cases.externalId, ['CLI-1', 'CLI-2', 'CLI-3', 'CLI-BROKEN', 'CLI-MARS', 'CSV-1', 'CSV-2']))
        .groupBy(cases.externalId)
        .orderBy(cases.externalId);
      expect(imported).toEqual(['CLI-1', 'CLI-2', 'CLI-3', 'CSV-1', 'CSV-2'].map((externalId) => ({ externalId, n: 1 })));
      const [lead2] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'lead2@hirewatch.test'));
      expect(await db.$count(cases, like(cases.externalId, 'CSV-%'))).toBe(2);
      expect((await db.select({ by: cases.submittedById }).from(cases).where(eq(cases.externalId, 'CSV-1')))[0].by).toBe(lead2.id);
    });
  });

  it('export cases writes every case as JSON Lines or CSV, audited', async () => {
    const [jsonl, csv] = embedded ? [await cli('export', 'cases', '--format', 'jsonl'), await cli('export', 'cases', '--format', 'csv')] : await Promise.all([cli('export', 'cases', '--format', 'jsonl'), cli('export', 'cases', '--format', 'csv')]);
    expect(jsonl.code, jsonl.stderr).toBe(0);
    expect(csv.code, csv.stderr).toBe(0);
    const rows = jsonl.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { reference: string; externalId: string | null });
    const table = parse(csv.stdout, { columns: true, bom: true }) as Record<string, string>[];
    await withTargetDb(target, async (db) => {
      const all = await db.select({ reference: cases.reference }).from(cases).orderBy(cases.reference);
      expect(rows.map((r) => r.reference)).toEqual(all.map((r) => r.reference));
      expect(table.map((r) => r.Reference)).toEqual(all.map((r) => r.reference));
      expect(await db.$count(auditLog, eq(auditLog.action, 'cases.exported'))).toBe(2);
    });
    expect(rows.find((r) => r.externalId === 'CLI-2')).toBeDefined();
    expect(table.find((r) => r['External ID'] === 'CSV-1')).toBeDefined();
  });

  it('watchlist import takes CSV (all or nothing) and STIX; watchlist export writes CSV and a STIX bundle', async () => {
    const header = 'kind,value,source,confidence,tlp,expires_at\n';
    const good = file('watchlist.csv', `${header}email,wl-one@cli-watch.example,Peer exchange,high,TLP:GREEN,\nphone,+44 20 7946 0999,Peer exchange,medium,TLP:AMBER,\n`);
    const bad = file('watchlist-bad.csv', `${header}email,wl-two@cli-watch.example,Peer exchange,high,,\nshoe-size,42,Peer exchange,high,,\n`);
    const imported = await cli('watchlist', 'import', good);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/^Imported 2 new entries from CSV/);
    const refused = await cli('watchlist', 'import', bad);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/Nothing was imported: 1 problem to fix first\.\n\s+--file: Row 3: kind "shoe-size"/);
    const exportedCsv = await cli('watchlist', 'export');
    const exportedStix = await cli('watchlist', 'export', '--stix');
    expect(exportedCsv.code, exportedCsv.stderr).toBe(0);
    expect(exportedStix.code, exportedStix.stderr).toBe(0);
    const rows = parse(exportedCsv.stdout, { columns: true, bom: true }) as Record<string, string>[];
    // A cell starting with + is neutralized against formula injection, as every CSV export is.
    expect(rows.map((r) => r.value)).toEqual(expect.arrayContaining(['wl-one@cli-watch.example', "'+44 20 7946 0999"]));
    expect(rows.map((r) => r.value)).not.toContain('wl-two@cli-watch.example');

    // STIX in: the exported bundle plus one new indicator, made from an exported one.
    const bundle = JSON.parse(exportedStix.stdout) as { type: string; objects: { type: string; id: string; pattern?: string }[] };
    expect(bundle.type).toBe('bundle');
    const model = bundle.objects.find((o) => o.type === 'indicator' && o.pattern?.includes('wl-one@cli-watch.example'));
    expect(model).toBeDefined();
    bundle.objects.push({ ...model!, id: `indicator--${randomUUID()}`, pattern: model!.pattern!.replace('wl-one@cli-watch.example', 'wl-stix@cli-watch.example') });
    const fromStix = await cli('watchlist', 'import', file('peer-bundle.json', JSON.stringify(bundle)));
    expect(fromStix.code, fromStix.stderr).toBe(0);
    expect(fromStix.stdout).toMatch(/^Imported 1 new entry from STIX \(\d+ already listed\)/);
    await withTargetDb(target, async (db) => {
      const values = (await db.select({ value: watchlist.value }).from(watchlist).where(like(watchlist.value, '%cli-watch.example'))).map((r) => r.value).sort();
      expect(values).toEqual(['wl-one@cli-watch.example', 'wl-stix@cli-watch.example']);
      const actions = (await db.select({ action: auditLog.action }).from(auditLog).where(like(auditLog.actorEmail, 'cli:%'))).map((r) => r.action);
      expect(actions.filter((a) => a === 'watchlist.exported')).toHaveLength(2);
    });
  });

  it('audit verify reports an intact chain with its head, and names the first entry changed behind its back', async () => {
    const intact = await cli('audit', 'verify', '--json');
    expect(intact.code, intact.stderr).toBe(0);
    const status = JSON.parse(intact.stdout) as { ok: boolean; checked: number; head: { id: number } };
    expect(status.ok).toBe(true);
    const tampered = await withTargetDb(target, async (db) => {
      expect(status.checked).toBe(await db.$count(auditLog));
      // A database owner rewriting history: the append-only trigger off, one entry changed.
      const [victim] = rowsOf<{ id: number }>(await db.execute(sql`select id::int as id from audit_log where action = 'user.created' and actor_email like 'cli:%'`));
      await db.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
      await db.execute(sql`update audit_log set after = '{"role":"admin"}' where id = ${victim.id}`);
      await db.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
      return victim.id;
    });
    const broken = await cli('audit', 'verify');
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('Audit log BROKEN');
    expect(broken.stdout).toContain(`First broken link: entry ${tampered} — hash mismatch`);
  });
});
