// The CSV exports (GET /cases/export, GET /audit/export) through their real route handlers:
// authorized on the server for every role and signed out, filtered like the pages they export,
// formula-neutralized, and audited. Only the session is stubbed: the database is real.
import { parse } from 'csv-parse/sync';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import { submitCandidate } from '@/lib/cases/commands';
import { submitCandidateSchema } from '@/lib/cases/validators';
import type { Database } from '@/lib/db/client';
import { auditLog } from '@/lib/db/schema';
import type { Role } from '@/lib/domain';
import { closeTestDb, createSessionUsers, createUser, openTestDb, postgresSkipped, runStep, seedReference, type TestUser } from './test-db';

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({ currentUser: async () => session.user }));

const FORMULA_NAME = '=HYPERLINK("http://x")';

function get(path: string): Request {
  return new Request(`http://localhost${path}`, { headers: { 'user-agent': 'vitest-export', 'x-forwarded-for': '203.0.113.7, 10.0.0.1' } });
}

async function csvOf(response: Response): Promise<Record<string, string>[]> {
  return parse(await response.text(), { bom: true, columns: true }) as Record<string, string>[];
}

describe.skipIf(postgresSkipped)('CSV exports', async () => {
  let db: Database;
  let people: Record<Role, SessionUser>;
  let recruiter: TestUser;
  const casesExport = await import('@/app/(app)/cases/export/route');
  const auditExport = await import('@/app/(app)/audit/export/route');

  async function submit(name: string, region: 'EU' | 'APAC', email: string) {
    const input = submitCandidateSchema.parse({ claimedName: name, resumeName: name, jobRole: 'Data Engineer', region, source: 'job_board', email });
    return runStep(db, recruiter, submitCandidate, input);
  }

  beforeAll(async () => {
    db = await openTestDb();
    await seedReference(db);
    people = await createSessionUsers(db);
    recruiter = await createUser(db, 'recruiter', 'submitter');
    await submit(FORMULA_NAME, 'EU', 'formula.person@example.org');
    await submit('Plain Person', 'EU', 'plain.person@example.org');
    await submit('Elsewhere Person', 'APAC', 'elsewhere.person@example.org');
  });

  afterAll(async () => {
    await closeTestDb();
  });

  it('cases export: 401 signed out, 403 for roles without case:read', async () => {
    session.user = null;
    const signedOut = await casesExport.GET(get('/cases/export'));
    expect(signedOut.status).toBe(401);
    expect(await signedOut.text()).toBe('Sign in');
    for (const role of ['recruiter', 'exec', 'admin'] as const) {
      session.user = people[role];
      const refused = await casesExport.GET(get('/cases/export'));
      expect(refused.status, role).toBe(403);
      expect(await refused.text()).not.toContain('Person');
    }
    expect(await db.select().from(auditLog).where(eq(auditLog.action, 'cases.exported'))).toEqual([]);
  });

  it('cases export as a lead: every row of the filtered view, neutralized, as an uncached attachment', async () => {
    session.user = people.lead;
    const response = await casesExport.GET(get('/cases/export?region=EU&sort=name&dir=asc&page=7'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="hirewatch-cases-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const rows = await csvOf(response);
    // page=7 is ignored: the export is the whole view, sorted by name ascending.
    expect(rows.map((r) => r['Claimed name'])).toEqual([`'${FORMULA_NAME}`, 'Plain Person']);
    expect(rows.every((r) => r.Region === 'EU')).toBe(true);
    expect(Object.keys(rows[0])).toEqual([
      'Reference',
      'Claimed name',
      'Resume name',
      'Job role',
      'Region',
      'Status',
      'Risk score',
      'Risk band',
      'Assignee',
      'Created at',
      'Updated at',
    ]);
    expect(rows[0]['Resume name']).toBe(`'${FORMULA_NAME}`);
    expect(rows[0]['Reference']).toMatch(/^HW-\d{4}-\d{4,}$/);
    expect(rows[0]['Created at']).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'cases.exported'), eq(auditLog.actorEmail, people.lead.email)));
    expect(entry).toMatchObject({ targetType: 'export', ip: '203.0.113.7', userAgent: 'vitest-export' });
    expect(entry.after).toMatchObject({ query: '?region=EU&sort=name&dir=asc', rows: 2, truncated: false });
  });

  it('cases export matches the search of the list (name or email)', async () => {
    session.user = people.cso;
    const byEmail = await csvOf(await casesExport.GET(get('/cases/export?q=elsewhere.person%40')));
    expect(byEmail.map((r) => r['Claimed name'])).toEqual(['Elsewhere Person']);
    const none = await csvOf(await casesExport.GET(get('/cases/export?q=nobody-matches-this')));
    expect(none).toEqual([]);
  });

  it('audit export: 401 signed out, 403 for roles without audit:read (a lead included)', async () => {
    session.user = null;
    expect((await auditExport.GET(get('/audit/export'))).status).toBe(401);
    for (const role of ['recruiter', 'lead', 'exec'] as const) {
      session.user = people[role];
      expect((await auditExport.GET(get('/audit/export'))).status, role).toBe(403);
    }
  });

  it('audit export as a CSO: the filtered entries with their hash chain, and the export is audited', async () => {
    session.user = people.cso;
    const response = await auditExport.GET(get('/audit/export?action=case.submitted&page=3'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="hirewatch-audit-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const rows = await csvOf(response);
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.Action === 'case.submitted')).toBe(true);
    expect(Object.keys(rows[0])).toEqual([
      'ID',
      'At',
      'Actor',
      'Action',
      'Target type',
      'Target ID',
      'Case reference',
      'Before',
      'After',
      'IP',
      'User agent',
      'Prev hash',
      'Hash',
    ]);
    // Newest first; the After JSON of the formula candidate is a text cell, not a formula.
    expect(Number(rows[0].ID)).toBeGreaterThan(Number(rows[2].ID));
    expect((JSON.parse(rows[2].After) as { claimedName: string }).claimedName).toBe(FORMULA_NAME);
    expect(rows[2]['Case reference']).toMatch(/^HW-/);
    expect(rows[0].Hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]['Prev hash']).toMatch(/^[0-9a-f]{64}$/);

    const entries = await db.select().from(auditLog).where(eq(auditLog.action, 'audit.exported'));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorEmail: people.cso.email, ip: '203.0.113.7', userAgent: 'vitest-export' });
    expect(entries[0].after).toMatchObject({ query: '?action=case.submitted', rows: 3, truncated: false });

    // The export of the exports shows the cases export above.
    session.user = people.admin;
    const exports = await csvOf(await auditExport.GET(get('/audit/export?action=cases.exported')));
    expect(exports.map((r) => r.Actor)).toContain(people.lead.email);
  });
});
