// The case list at scale: keyset pages (after / before cursors) and page numbers typed by
// hand must show exactly the rows of the plain ORDER BY … OFFSET they replace, for every sort
// and direction, with ties; and the status tabs' kept counters (case_counts, maintained by
// triggers) must equal a count of the cases after inserts and updates.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import { caseListOrder, listCases } from '@/lib/cases/list';
import { CASE_PAGE_SIZE, parseCaseListParams, type CaseListParams } from '@/lib/cases/list-params';
import type { Database } from '@/lib/db/client';
import { cases } from '@/lib/db/schema';
import { CASE_STATUSES, REGIONS, RISK_BANDS } from '@/lib/domain';
import { closeTestDb, createUser, openTestDb, postgresSkipped } from './test-db';

const TOTAL = 140;

describe.skipIf(postgresSkipped)('case list pages and counters', () => {
  let db: Database;
  let viewer: SessionUser;

  beforeAll(async () => {
    db = await openTestDb();
    const recruiter = await createUser(db, 'recruiter');
    viewer = { ...(await createUser(db, 'lead')), name: 'Lead' } as unknown as SessionUser;
    const base = Date.UTC(2026, 0, 1);
    await db.insert(cases).values(
      Array.from({ length: TOTAL }, (_, i) => ({
        reference: `HW-2026-${String(1000 + i)}`,
        // Few distinct names, scores and times: plenty of ties for the reference to break.
        claimedName: ['Ana Silva', 'bob Stone', 'Carl Ode', 'ana silva'][i % 4],
        resumeName: 'x',
        jobRole: 'Engineer',
        region: REGIONS[i % REGIONS.length],
        source: 'job_board' as const,
        status: CASE_STATUSES[(i * 7) % CASE_STATUSES.length],
        riskScore: (i * 13) % 5 * 20,
        riskBand: RISK_BANDS[((i * 13) % 5) % 4],
        submittedById: recruiter.id,
        updatedAt: new Date(base + (i % 9) * 3_600_000),
      })),
    );
  });
  afterAll(closeTestDb);

  async function expected(params: CaseListParams): Promise<string[]> {
    const rows = await db
      .select({ reference: cases.reference })
      .from(cases)
      .where(params.status ? eq(cases.status, params.status) : undefined)
      .orderBy(...caseListOrder(params));
    return rows.map((r) => r.reference);
  }

  const views = (['updated', 'risk', 'status', 'name'] as const).flatMap((sort) =>
    (['asc', 'desc'] as const).flatMap((dir) => [{ sort, dir }, { sort, dir, status: 'cleared' as const }]),
  );

  it.each(views)('walks every page of %o by cursor and by page number', async (view) => {
    const all = await expected(parseCaseListParams(view));
    const pages = Math.ceil(all.length / CASE_PAGE_SIZE);
    let after: string | undefined;
    for (let page = 1; page <= pages; page++) {
      const want = all.slice((page - 1) * CASE_PAGE_SIZE, page * CASE_PAGE_SIZE);
      const byCursor = await listCases(parseCaseListParams({ ...view, page: String(page), after }), viewer);
      expect(byCursor.rows.map((r) => r.reference)).toEqual(want);
      const byNumber = await listCases(parseCaseListParams({ ...view, page: String(page) }), viewer);
      expect(byNumber.rows.map((r) => r.reference)).toEqual(want);
      if (page > 1) {
        // Previous from this page: the page before, ending before this page's first row.
        const back = await listCases(parseCaseListParams({ ...view, page: String(page - 1), before: want[0] }), viewer);
        expect(back.rows.map((r) => r.reference)).toEqual(page - 1 === 1 ? all.slice(0, CASE_PAGE_SIZE) : all.slice((page - 2) * CASE_PAGE_SIZE, (page - 1) * CASE_PAGE_SIZE));
      }
      after = want[want.length - 1];
    }
  });

  it('ignores a cursor on the first page', async () => {
    const first = await listCases(parseCaseListParams({ sort: 'risk', after: 'HW-2026-1070' }), viewer);
    expect(first.rows.map((r) => r.reference)).toEqual((await expected(parseCaseListParams({ sort: 'risk' }))).slice(0, CASE_PAGE_SIZE));
  });

  async function countsMatch() {
    for (const filter of [{}, { band: 'high' }, { region: 'EU' }, { band: 'low', region: 'APAC' }]) {
      const params = parseCaseListParams(filter);
      const { counts } = await listCases(params, viewer);
      for (const status of CASE_STATUSES) {
        const [row] = await db
          .select({ n: sql<number>`count(*)::int` })
          .from(cases)
          .where(and(eq(cases.status, status), params.band ? eq(cases.riskBand, params.band) : undefined, params.region ? eq(cases.region, params.region) : undefined));
        expect(counts[status], `${status} ${JSON.stringify(filter)}`).toBe(row.n);
      }
    }
  }

  it('keeps the status counters equal to the cases, after inserts and updates', async () => {
    await countsMatch();
    await db.update(cases).set({ status: 'escalated', riskBand: 'critical' }).where(sql`${cases.reference} < 'HW-2026-1030'`);
    await db.update(cases).set({ region: 'EU' }).where(eq(cases.status, 'open'));
    await db.update(cases).set({ version: sql`${cases.version} + 1` });
    await countsMatch();
  });
});
