// Every exported server action is a public HTTP endpoint. Here each one is called through
// its real wrapper, as every role and signed out: the roles the permissions matrix refuses
// get "not allowed" and change nothing; a permitted role with bad input gets field errors,
// its typed values back, and changes nothing either. Only the request context (session,
// headers, cache) is stubbed: the database is real.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { can } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import type { Database } from '@/lib/db/client';
import { ROLES, type Role } from '@/lib/domain';
import { closeTestDb, createSessionUsers, countRows, openTestDb, postgresSkipped, seedReference } from './test-db';
import { form, GOOD_CANDIDATE, serverActionTable, type Action } from './server-action-table';

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({ currentUser: async () => session.user }));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'user-agent': 'vitest', 'x-forwarded-for': '203.0.113.9' }) }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

describe.skipIf(postgresSkipped)('server actions authorize on the server', async () => {
  let db: Database;
  let people: Record<Role, SessionUser>;
  const ACTIONS = await serverActionTable();
  const caseActions = await import('@/lib/cases/actions');
  const userActions = await import('@/lib/users/actions');

  async function totals() {
    const tables = ['cases', 'identifiers', 'case_indicators', 'interview_rounds', 'proofing_checks', 'notes', 'watchlist', 'users', 'audit_log', 'settings', 'api_tokens'];
    return Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await countRows(db, t)])));
  }

  beforeAll(async () => {
    db = await openTestDb();
    await seedReference(db);
    people = await createSessionUsers(db);
  });

  afterAll(async () => {
    await closeTestDb();
  });

  it('every exported user action is covered', () => {
    expect(Object.keys(userActions).length).toBeGreaterThanOrEqual(3);
  });

  for (const entry of ACTIONS) {
    it(`${entry.name}: refused for roles without ${entry.permission} and for the signed-out`, async () => {
      const before = await totals();
      session.user = null;
      const signedOut = await entry.action({ status: 'idle' }, form(entry.input));
      expect(signedOut.status).toBe('error');
      expect(signedOut.message).toMatch(/sign in/i);
      for (const role of ROLES.filter((r) => !can(r, entry.permission))) {
        session.user = people[role];
        const state = await entry.action({ status: 'idle' }, form(entry.input));
        expect(state, `${entry.name} as ${role}`).toMatchObject({ status: 'error', message: 'You are not allowed to do this.' });
      }
      expect(await totals()).toEqual(before);
    });
  }

  it('a permitted role with invalid input gets field errors, its values back, and nothing changes', async () => {
    const before = await totals();
    session.user = people.recruiter;
    const state = await caseActions.submitCandidateAction({ status: 'idle' }, form({ ...GOOD_CANDIDATE, email: 'not-an-email', region: 'MARS' }));
    expect(state.status).toBe('error');
    expect(state.fieldErrors?.email?.[0]).toMatch(/email/i);
    expect(state.fieldErrors?.region?.[0]).toMatch(/region/i);
    expect(state.values).toMatchObject({ claimedName: 'Test Person', email: 'not-an-email', region: 'MARS' });
    expect(await totals()).toEqual(before);
  });

  it('a permitted role with valid input changes the database and audits it with IP and user agent', async () => {
    session.user = people.recruiter;
    const before = await totals();
    const state = await caseActions.submitCandidateAction({ status: 'idle' }, form(GOOD_CANDIDATE));
    expect(state.status).toBe('ok');
    const after = await totals();
    expect(after.cases).toBe(before.cases + 1);
    expect(after.audit_log).toBe(before.audit_log + 1);
  });

  it('an administrator creates an API token: the secret comes back once, only its hash is stored', async () => {
    const tokenActions = await import('@/lib/api-tokens/actions');
    session.user = people.admin;
    const state = await tokenActions.createApiTokenAction({ status: 'idle' }, form({ name: 'greenhouse', role: 'recruiter' }));
    expect(state.status).toBe('ok');
    expect(state.reveal).toMatch(/^hw_[A-Za-z0-9_-]{43}$/);
    const stored = JSON.stringify(await db.execute(sql`select * from api_tokens`));
    expect(stored).not.toContain(state.reveal);
    const again = await tokenActions.createApiTokenAction({ status: 'idle' }, form({ name: 'greenhouse', role: 'lead' }));
    expect(again.fieldErrors?.name?.[0]).toMatch(/already exists/);
    const admin = await tokenActions.createApiTokenAction({ status: 'idle' }, form({ name: 'too-strong', role: 'admin' }));
    expect(admin.fieldErrors?.role?.[0]).toMatch(/recruiter or lead/);
  });

  it('never echoes a password back', async () => {
    session.user = people.admin;
    const create = (userActions as Record<string, Action>).createUserAction;
    expect(create).toBeTypeOf('function');
    const state = await create({ status: 'idle' }, form({ email: 'bad', name: '', role: 'lead', password: 'short' }));
    expect(state.status).toBe('error');
    expect(state.values?.password).toBeUndefined();
    expect(state.values?.email).toBe('bad');
  });
});
