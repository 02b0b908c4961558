// Property test: thousands of hostile form posts (fast-check) through every server action's
// real wrapper, as a role allowed to call it. Whatever arrives, the action answers with a
// state (never throws, never the "something went wrong" of an unexpected failure, the
// server-action equivalent of a 5xx), and an input it refuses changes nothing at all.
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import { ROLES, type Role } from '@/lib/domain';
import type { Database } from '@/lib/db/client';
import { can } from '@/lib/auth/permissions';
import { submitCandidate } from '@/lib/cases/commands';
import { submitCandidateSchema } from '@/lib/cases/validators';
import { hostileForm } from './hostile-inputs';
import { form, GOOD_CANDIDATE, serverActionTable } from './server-action-table';
import { closeTestDb, createSessionUsers, openTestDb, postgresSkipped, runStep, seedReference } from './test-db';

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({ currentUser: async () => session.user }));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'user-agent': 'vitest', 'x-forwarded-for': '203.0.113.9' }) }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

/**
 * Total hostile posts across all actions: 10,000 on the embedded database; 2,000 more on
 * PostgreSQL, which runs the same code and mostly adds CI time (FUZZ_RUNS overrides both).
 */
const TOTAL_RUNS = Number(process.env.FUZZ_RUNS ?? (process.env.HIREWATCH_TEST_DB === 'postgres' ? 2_000 : 10_000));

describe.skipIf(postgresSkipped)('hostile input to server actions', async () => {
  let db: Database;
  let people: Record<Role, SessionUser>;
  let reference = '';
  const table = await serverActionTable('HW-0000-0000');
  const runsPerAction = Math.ceil(TOTAL_RUNS / table.length);

  /** Every row the actions can touch, as one fingerprint: one query per check. */
  async function fingerprint(): Promise<string> {
    const result = await db.execute(sql`select
      (select count(*) from cases)::text || '/' || (select coalesce(sum(version), 0) from cases)::text || '/' ||
      (select count(*) from identifiers)::text || '/' || (select count(*) from case_indicators)::text || '/' ||
      (select count(*) from interview_rounds)::text || '/' || (select count(*) from proofing_checks)::text || '/' ||
      (select count(*) from notes)::text || '/' || (select count(*) from watchlist)::text || '/' ||
      (select count(*) from users)::text || '/' || (select count(*) from users where disabled)::text || '/' ||
      (select count(*) from audit_log)::text || '/' || (select count(*) from settings)::text as f`);
    return (result as unknown as { rows: { f: string }[] }).rows[0].f;
  }

  beforeAll(async () => {
    db = await openTestDb();
    await seedReference(db);
    people = await createSessionUsers(db);
    // A real case, so that inputs naming it get past "unknown case" into the business rules.
    const created = await runStep(db, people.recruiter, submitCandidate, submitCandidateSchema.parse(GOOD_CANDIDATE));
    reference = created.reference;
  });

  afterAll(async () => {
    await closeTestDb();
  });

  for (const entry of table) {
    it(`${entry.name}: ${runsPerAction} hostile posts answer cleanly; refused ones change nothing`, async () => {
      const role = ROLES.find((r) => can(r, entry.permission))!;
      const valid = Object.fromEntries(Object.entries(entry.input).map(([k, v]) => [k, k === 'reference' ? reference : v]));
      let before = await fingerprint();
      let accepted = 0;
      await fc.assert(
        fc.asyncProperty(hostileForm(valid), async (values) => {
          session.user = people[role];
          const state = await entry.action({ status: 'idle' }, form(values));
          expect(['ok', 'error']).toContain(state.status);
          expect(state.message ?? '').not.toMatch(/something went wrong/i);
          const after = await fingerprint();
          if (state.status === 'error') expect(after).toBe(before);
          else accepted += 1;
          before = after;
        }),
        { numRuns: runsPerAction, seed: Number(process.env.FUZZ_SEED ?? 20261125) },
      );
      // Both sides of the property are exercised: some hostile posts are valid input and land.
      if (entry.name === 'submitCandidate' || entry.name === 'addNote') expect(accepted, `${entry.name} accepted none`).toBeGreaterThan(0);
    }, 600_000);
  }
});
