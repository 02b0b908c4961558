// The trends aggregates against a real database: months without cases are zero, the outcome
// and region buckets, the first decision of a reopened case, suspected incidents left out
// unless asked for, and no personal identifier anywhere in what the charts receive.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/lib/db/client';
import { caseIndicators, cases, decisions } from '@/lib/db/schema';
import type { CaseStatus, Region } from '@/lib/domain';
import { casesByRegion, casesPerMonth, decisionTimes, fundsByYear, incidentsByRegion, incidentsByVector, largestIncidents, topIndicators } from '@/lib/trends/queries';
import { closeTestDb, createUser, openTestDb, postgresSkipped, seedReference, type TestUser } from './test-db';

const DAY = 24 * 60 * 60 * 1000;
const range = { from: '2026-01-01', to: '2026-04-30' };

describe.skipIf(postgresSkipped)('trends queries', () => {
  let db: Database;
  let recruiter: TestUser;
  let cso: TestUser;
  let sequence = 0;

  async function addCase(createdAt: string, status: CaseStatus, region: Region, decidedAfterDays: number[] = []) {
    sequence += 1;
    const [row] = await db
      .insert(cases)
      .values({
        reference: `HW-2026-${String(9000 + sequence)}`,
        claimedName: `Trend Person ${sequence}`,
        resumeName: `Trend Person ${sequence}`,
        jobRole: 'Engineer',
        region,
        source: 'job_board',
        status,
        submittedById: recruiter.id,
        createdAt: new Date(createdAt),
      })
      .returning({ id: cases.id });
    for (const [index, days] of decidedAfterDays.entries()) {
      await db.insert(decisions).values({
        caseId: row.id,
        outcome: index === 1 ? 'reopened' : status === 'cleared' ? 'cleared' : 'escalated',
        rationale: 'test',
        riskScore: 0,
        riskExplanation: [],
        decidedById: cso.id,
        decidedAt: new Date(new Date(createdAt).getTime() + days * DAY),
      });
    }
    return row.id;
  }

  beforeAll(async () => {
    db = await openTestDb();
    await seedReference(db);
    recruiter = await createUser(db, 'recruiter');
    cso = await createUser(db, 'cso');
    const a = await addCase('2026-01-10T09:00:00Z', 'escalated', 'NA', [4]);
    await addCase('2026-01-20T09:00:00Z', 'cleared', 'EU', [10]);
    // Reopened then still open: its first decision (2 days) still counts as time to decision.
    const c = await addCase('2026-03-05T09:00:00Z', 'investigating', 'NA', [2, 3]);
    await addCase('2026-03-31T23:59:00Z', 'open', 'APAC');
    await addCase('2025-12-31T23:59:00Z', 'cleared', 'UK', [1]); // outside the range
    await db.insert(caseIndicators).values([
      { caseId: a, code: 'voip_phone', evidence: 'x' },
      { caseId: c, code: 'voip_phone', evidence: 'y' },
      { caseId: c, code: 'payment_in_crypto', evidence: 'z' },
    ]);
  });

  afterAll(closeTestDb);

  it('counts cases per month of submission by outcome, empty months as zero', async () => {
    expect(await casesPerMonth(range)).toEqual([
      { month: '2026-01', escalated: 1, cleared: 1, underReview: 0 },
      { month: '2026-02', escalated: 0, cleared: 0, underReview: 0 },
      { month: '2026-03', escalated: 0, cleared: 0, underReview: 2 },
      { month: '2026-04', escalated: 0, cleared: 0, underReview: 0 },
    ]);
  });

  it('lists every region, in the stable order', async () => {
    const regions = await casesByRegion(range);
    expect(regions.map((r) => r.region)).toEqual(['NA', 'EU', 'UK', 'APAC', 'LATAM', 'MEA']);
    expect(regions[0]).toMatchObject({ escalated: 1, underReview: 1, total: 2 });
    expect(regions[2].total).toBe(0);
  });

  it('ranks indicators by the cases they were recorded on', async () => {
    const top = await topIndicators(range);
    expect(top.casesInRange).toBe(4);
    expect(top.indicators.map((i) => [i.code, i.cases])).toEqual([
      ['voip_phone', 2],
      ['payment_in_crypto', 1],
    ]);
  });

  it('takes the median days to the first decision', async () => {
    const times = await decisionTimes(range);
    expect(times.decided).toBe(3);
    expect(times.awaiting).toBe(1);
    expect(times.medianDays).toBeCloseTo(4, 5);
    expect(times.months.find((m) => m.month === '2026-01')).toMatchObject({ decided: 2, medianDays: 7 });
    expect(times.months.find((m) => m.month === '2026-02')).toMatchObject({ decided: 0, medianDays: null });
  });

  it('never returns a personal identifier', async () => {
    const all = JSON.stringify([await casesPerMonth(range), await casesByRegion(range), await topIndicators(range), await decisionTimes(range)]);
    expect(all).not.toMatch(/HW-2026|Trend Person|@integration\.test|[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('leaves suspected incidents out of public totals unless asked for', async () => {
    const wide = { from: '2018-01-01', to: '2025-12-31' };
    const attributed = await largestIncidents(wide, false);
    expect(attributed.incidents.some((i) => i.suspected)).toBe(false);
    expect(attributed.totals.suspectedLeftOut).toBeGreaterThan(0);
    const all = await largestIncidents(wide, true, 50);
    expect(all.incidents.filter((i) => i.suspected).length).toBe(attributed.totals.suspectedLeftOut);
    expect(all.totals.counted).toBe(attributed.totals.counted + attributed.totals.suspectedLeftOut);
    const regions = await incidentsByRegion(wide, false);
    expect(regions.regions.reduce((n, r) => n + r.incidents, 0)).toBe(attributed.totals.counted);
    const vectors = await incidentsByVector(wide, false);
    expect(vectors.staffIncidents.every((i) => ['fake_job_offer', 'employee_social_engineering', 'impersonation', 'insider_it_worker'].includes(i.vector))).toBe(true);
  });

  it('charts one yearly source at a time, falling back to Chainalysis', async () => {
    const funds = await fundsByYear('No such source');
    expect(funds.source).toBe('Chainalysis');
    expect(funds.sources[0]).toBe('Chainalysis');
    expect(new Set(funds.figures.map((f) => f.year)).size).toBe(funds.figures.length);
    expect(funds.figures.find((f) => f.year === 2021)?.approximate).toBe(true);
  });
});
