// The migrations apply to an empty database and the demo seed builds the organization the
// README promises: one user per role, the full indicator catalog, ~60 cases over every state
// and region, the public reference data and at least one network of linked identities.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/lib/db/client';
import { cases, decisions, identifiers, indicatorCatalog, publicIncidents, users, watchlist, yearlyTotals } from '@/lib/db/schema';
import { loadFactor } from '@/lib/auth/mfa/store';
import { DEMO_TOTP_SECRET, DEMO_USERS } from '@/lib/db/seed/demo-users';
import { BENIGN_VALUES, demoCases } from '@/lib/db/seed/demo-cases';
import { indicatorRows } from '@/lib/db/seed/reference-data';
import { seedDemo } from '@/lib/db/seed/seed';
import { CASE_STATUSES, REGIONS, ROLES } from '@/lib/domain';
import { findSharedIdentifiers } from '@/lib/intel/matching';
import { closeTestDb, countRows, openTestDb, postgresSkipped } from './test-db';

const APP_TABLES = [
  'users',
  'user_second_factors',
  'recovery_codes',
  'cases',
  'decisions',
  'identifiers',
  'indicator_catalog',
  'case_indicators',
  'interview_rounds',
  'proofing_checks',
  'notes',
  'watchlist',
  'audit_log',
  'public_incidents',
  'yearly_totals',
  'settings',
  'webhook_endpoints',
  'webhook_events',
  'webhook_deliveries',
];

function csvDataRows(name: string): number {
  const text = fs.readFileSync(path.join(process.cwd(), 'lib/db/seed/reference', name), 'utf8');
  return text.split('\n').filter((line) => line.trim() !== '').length - 1;
}

describe.skipIf(postgresSkipped)('migrations and demo seed', () => {
  let db: Database;
  let seeded: boolean;
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    // The seed encrypts the demo second factors with a key derived from AUTH_SECRET.
    process.env.AUTH_SECRET = 'migrations-and-seed-test-secret-0123456789';
    let t = Date.now();
    db = await openTestDb();
    timings.openAndMigrate = Date.now() - t;
    t = Date.now();
    seeded = await seedDemo(db);
    timings.seedDemo = Date.now() - t;
  });

  afterAll(async () => {
    console.log(`[${process.env.HIREWATCH_TEST_DB}] open+migrate ${timings.openAndMigrate} ms, seedDemo ${timings.seedDemo} ms`);
    await closeTestDb();
  });

  it('applies every migration of drizzle/ and creates the schema', async () => {
    const journal = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'drizzle/meta/_journal.json'), 'utf8')) as { entries: unknown[] };
    const applied = await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    expect((applied as unknown as { rows: { n: number }[] }).rows[0].n).toBe(journal.entries.length);

    const result = await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public'`);
    const tables = (result as unknown as { rows: { table_name: string }[] }).rows.map((r) => r.table_name);
    expect(tables).toEqual(expect.arrayContaining(APP_TABLES));

    const sequence = await db.execute(sql`select count(*)::int as n from pg_class where relkind = 'S' and relname = 'case_reference_seq'`);
    expect((sequence as unknown as { rows: { n: number }[] }).rows[0].n).toBe(1);
  });

  it('seeds an empty database and reports it did', () => {
    expect(seeded).toBe(true);
  });

  it('creates the 8 demo users, one per role at least', async () => {
    const rows = await db.select({ email: users.email, role: users.role, disabled: users.disabled }).from(users);
    expect(rows).toHaveLength(8);
    expect(rows.map((r) => r.email).sort()).toEqual(DEMO_USERS.map((u) => u.email).sort());
    expect(new Set(rows.map((r) => r.role))).toEqual(new Set(ROLES));
    for (const email of ['admin', 'cso', 'lead', 'exec', 'recruiter'].map((p) => `${p}@hirewatch.test`)) {
      expect(rows.find((r) => r.email === email)?.disabled).toBe(false);
    }
  });

  it('enrolls exactly the demo cso, cso2 and admin with the public demo TOTP secret, encrypted', async () => {
    const rows = await db.select({ id: users.id, email: users.email }).from(users);
    const enrolled: string[] = [];
    for (const row of rows) {
      const factor = await loadFactor(db, row.id);
      if (!factor) continue;
      expect(factor).toMatchObject({ secret: DEMO_TOTP_SECRET, confirmed: true, lastUsedStep: null });
      enrolled.push(row.email);
    }
    expect(enrolled.sort()).toEqual(['admin@hirewatch.test', 'cso2@hirewatch.test', 'cso@hirewatch.test']);
    expect(await countRows(db, 'user_second_factors', sql`secret_encrypted like ${`%${DEMO_TOTP_SECRET}%`}`)).toBe(0);
  });

  it('loads the full indicator catalog (50 codes) and the public reference data', async () => {
    const catalog = await db.select({ code: indicatorCatalog.code, severity: indicatorCatalog.severity }).from(indicatorCatalog);
    expect(catalog).toHaveLength(50);
    expect(catalog.map((c) => c.code).sort()).toEqual(indicatorRows().map((r) => r.code).sort());

    const incidents = await db.select({ id: publicIncidents.id }).from(publicIncidents);
    expect(incidents).toHaveLength(21);
    expect(incidents).toHaveLength(csvDataRows('incidents.csv'));

    const totals = await db.select({ year: yearlyTotals.year, usd: yearlyTotals.usdMillions }).from(yearlyTotals);
    expect(totals.length).toBeGreaterThan(0);
    expect(totals).toHaveLength(csvDataRows('yearly_totals.csv'));
    for (const row of totals) expect(row.usd).toBeGreaterThan(0);
  });

  it('creates ~60 cases covering every status and region, with scores and decisions', async () => {
    const rows = await db
      .select({ id: cases.id, reference: cases.reference, status: cases.status, region: cases.region, score: cases.riskScore })
      .from(cases);
    expect(rows).toHaveLength(demoCases().length);
    expect(rows.length).toBeGreaterThanOrEqual(55);
    expect(rows.length).toBeLessThanOrEqual(70);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(CASE_STATUSES));
    expect(new Set(rows.map((r) => r.region))).toEqual(new Set(REGIONS));
    for (const row of rows) expect(row.reference).toMatch(/^HW-\d{4}-\d{4,}$/);
    expect(rows.some((r) => r.score >= 50)).toBe(true);

    const decided = rows.filter((r) => r.status === 'escalated' || r.status === 'cleared').length;
    expect(await db.$count(decisions)).toBe(decided);
    // Escalations put hard identifiers on the block list.
    expect(await countRows(db, 'watchlist', sql`list = 'block' and source_case_id is not null`)).toBeGreaterThan(0);
    expect(await countRows(db, 'audit_log')).toBeGreaterThan(rows.length);
  });

  it('plants at least one network of 4 or more cases sharing identifiers', async () => {
    const caseIds = (await db.select({ id: cases.id }).from(cases)).map((r) => r.id);
    const edges = new Map<string, Set<string>>();
    for (const id of caseIds) {
      const shared = await findSharedIdentifiers(db, id);
      edges.set(id, new Set(shared.map((s) => s.caseId)));
    }
    // Connected components of the "shares a normalized identifier" graph.
    const seen = new Set<string>();
    const components: string[][] = [];
    for (const start of caseIds) {
      if (seen.has(start)) continue;
      const component: string[] = [];
      const queue = [start];
      seen.add(start);
      while (queue.length > 0) {
        const id = queue.pop() as string;
        component.push(id);
        for (const next of edges.get(id) ?? []) {
          if (!seen.has(next)) {
            seen.add(next);
            queue.push(next);
          }
        }
      }
      components.push(component);
    }
    const largest = Math.max(...components.map((c) => c.length));
    expect(largest).toBeGreaterThanOrEqual(4);
    // The planted rings are networks, not the whole organization.
    expect(largest).toBeLessThan(caseIds.length / 2);
  });

  it('keeps the benign company VPN exit from linking honest applicants', async () => {
    const [benign] = BENIGN_VALUES;
    const holders = await db
      .select({ caseId: identifiers.caseId })
      .from(identifiers)
      .where(sql`${identifiers.kind} = ${benign.kind} and ${identifiers.value} = ${benign.value}`);
    expect(holders.length).toBeGreaterThanOrEqual(2);
    for (const { caseId } of holders) {
      const shared = await findSharedIdentifiers(db, caseId);
      expect(shared.filter((s) => s.value === benign.value)).toEqual([]);
    }
    expect(await db.$count(watchlist, sql`${watchlist.list} = 'block' and ${watchlist.value} = ${benign.value}`)).toBe(0);
  });

  it('seeding twice is a no-op that returns false', async () => {
    const before = await Promise.all(['users', 'cases', 'identifiers', 'decisions', 'watchlist', 'audit_log', 'indicator_catalog'].map((t) => countRows(db, t)));
    expect(await seedDemo(db)).toBe(false);
    const after = await Promise.all(['users', 'cases', 'identifiers', 'decisions', 'watchlist', 'audit_log', 'indicator_catalog'].map((t) => countRows(db, t)));
    expect(after).toEqual(before);
  });
});
