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
// Nobody here is half signed in: the second-factor actions serve only that state.
vi.mock('@/lib/auth/session', () => ({ currentUser: async () => session.user, pendingSecondFactor: async () => null }));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'user-agent': 'vitest', 'x-forwarded-for': '203.0.113.9' }) }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
// next-auth itself does not load outside Next.js; the second-factor actions must refuse before they touch it.
vi.mock('@/lib/auth/auth', () => ({
  updateSession: async () => {
    throw new Error('updateSession must not be reached');
  },
}));

describe.skipIf(postgresSkipped)('server actions authorize on the server', async () => {
  let db: Database;
  let people: Record<Role, SessionUser>;
  const ACTIONS = await serverActionTable();
  const caseActions = await import('@/lib/cases/actions');
  const userActions = await import('@/lib/users/actions');
  const intelActions = await import('@/lib/intel/actions');
  const webhookActions = await import('@/lib/webhooks/actions');
  const secondFactorActions = await import('@/lib/auth/mfa/actions');

  async function totals() {
    const tables = ['cases', 'identifiers', 'case_indicators', 'interview_rounds', 'proofing_checks', 'notes', 'attachments', 'watchlist', 'users', 'audit_log', 'settings', 'webhook_endpoints', 'webhook_events', 'api_tokens'];
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
      const signedOut = await entry.action({ status: 'idle' }, form(entry.input, entry.file));
      expect(signedOut.status).toBe('error');
      expect(signedOut.message).toMatch(/sign in/i);
      for (const role of ROLES.filter((r) => !can(r, entry.permission))) {
        session.user = people[role];
        const state = await entry.action({ status: 'idle' }, form(entry.input, entry.file));
        expect(state, `${entry.name} as ${role}`).toMatchObject({ status: 'error', message: 'You are not allowed to do this.' });
      }
      expect(await totals()).toEqual(before);
    });
  }

  it('every second-factor action refuses the signed-out and the fully signed-in, and changes nothing', async () => {
    const tables = ['user_second_factors', 'recovery_codes', 'sign_in_attempts', 'audit_log'];
    const count = async () => Promise.all(tables.map((t) => countRows(db, t)));
    const before = await count();
    expect(Object.keys(secondFactorActions).sort()).toEqual(['confirmEnrollmentAction', 'finishEnrollmentAction', 'verifySecondFactorAction']);
    for (const [name, action] of Object.entries(secondFactorActions)) {
      for (const user of [null, people.cso, people.admin]) {
        session.user = user;
        const state = await (action as Action)({ status: 'idle' }, form({ code: '123456', ticket: 'forged' }));
        expect(state, `${name} as ${user?.role ?? 'signed out'}`).toMatchObject({ status: 'error', message: expect.stringMatching(/sign in again/i) });
      }
    }
    expect(await count()).toEqual(before);
  });

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

  it('a lead imports a watchlist CSV through the action: all rows in, audited', async () => {
    session.user = people.lead;
    const before = await totals();
    const file = new File(['kind,value,source,confidence,tlp,expires_at\nemail,import.one@example.org,Peer,high,TLP:GREEN,\nip,198.51.100.77,Peer,low,,\n'], 'peer.csv', { type: 'text/csv' });
    const state = await intelActions.importWatchlistFileAction({ status: 'idle' }, form({}, file));
    expect(state).toMatchObject({ status: 'ok', message: 'Imported 2 new entries from CSV. 0 open cases newly hit.' });
    const after = await totals();
    expect(after.watchlist).toBe(before.watchlist + 2);
    expect(after.audit_log).toBe(before.audit_log + 1);
  });

  it('a CSV with a bad row imports nothing and names the row next to the file field', async () => {
    session.user = people.lead;
    const before = await totals();
    const file = new File(['kind,value,source,confidence\nemail,fine@example.org,Peer,high\nemail,not-an-email,Peer,high\n'], 'peer.csv', { type: 'text/csv' });
    const state = await intelActions.importWatchlistFileAction({ status: 'idle' }, form({}, file));
    expect(state.status).toBe('error');
    expect(state.fieldErrors?.file).toEqual(['Row 3: value: Not an email address.']);
    expect(await totals()).toEqual(before);
  });

  it('never echoes a webhook secret back', async () => {
    session.user = people.admin;
    const state = await webhookActions.createWebhookAction({ status: 'idle' }, form({ name: 'Hook', url: 'ftp://x', secret: 'a-secret-of-enough-length', events: 'case.cleared' }));
    expect(state.status).toBe('error');
    expect(state.fieldErrors?.url?.[0]).toMatch(/https/);
    expect(state.values?.secret).toBeUndefined();
    expect(state.values?.name).toBe('Hook');
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
