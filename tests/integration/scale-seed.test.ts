// The scale seed (`db:seed -- --scale N`) loads with COPY instead of the business steps, so this
// checks that what it stores is what the app's own code computes (every case's risk score and
// explanation, the planted networks, the fuzzy match keys) and that the rings the generator
// planted, and only they, score as identity networks. PGlite only: the loader streams
// CSV through PGlite's /dev/blob COPY, and the scale seed refuses DATABASE_URL.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessCases } from '@/lib/cases/refresh-risk';
import { rowsOf, type Database } from '@/lib/db/client';
import type { Progress } from '@/lib/db/seed/scale/progress';
import { generateScaleData } from '@/lib/db/seed/scale/generate';
import type { ScaleSummary } from '@/lib/db/seed/scale/load';
import { closeTestDb, openTestDb, testDbKind } from './test-db';

const NOW = new Date('2026-06-01T00:00:00Z');
const silent: Progress = { phase: () => {}, tick: () => {}, done: () => {} };

describe.skipIf(testDbKind() !== 'pglite')('scale seed (1,200 generated cases)', () => {
  let db: Database;
  let summary: ScaleSummary;

  beforeAll(async () => {
    db = await openTestDb();
    const { seedScale } = await import('@/lib/db/seed/scale/load');
    summary = await seedScale(db, { cases: 1200, watchlistTotal: 5000, progress: silent, now: NOW });
  }, 240_000);
  afterAll(closeTestDb);

  it('stores, for every case, the score and explanation the real risk code gives', async () => {
    const stored = rowsOf<{ id: string; risk_score: number; risk_band: string; risk_explanation: unknown }>(
      await db.execute(sql`select id, risk_score, risk_band, risk_explanation from cases`),
    );
    const assessed = await assessCases(db, stored.map((c) => c.id));
    // jsonb keeps object keys in its own order: compare the contributions with sorted keys.
    const canonical = (value: unknown) => JSON.stringify(value, (_, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v));
    const differing = stored
      .map((c) => ({ stored: c, real: assessed.get(c.id)! }))
      .filter(({ stored: c, real }) => real.score !== c.risk_score || real.band !== c.risk_band || canonical(real.contributions) !== canonical(c.risk_explanation));
    expect(differing.slice(0, 3)).toEqual([]);
    // And against the generator, not the risk code: of the generated cases, exactly those it
    // planted in rings score as identity networks. (The generator is deterministic: the same
    // options give the same cases and ids; the watchlist it draws after them does not matter.)
    const catalog = rowsOf<{ code: string; severity: string }>(await db.execute(sql`select code, severity from indicator_catalog`));
    const generated = generateScaleData({ cases: 1200, watchlist: 0, catalog, now: NOW }).cases;
    const planted = generated.filter((c) => c.ring !== null).map((c) => c.id);
    const generatedIds = new Set(generated.map((c) => c.id));
    const rated = rowsOf<{ id: string }>(await db.execute(sql`select id from cases where risk_explanation::text like '%identity_network%'`)).map((r) => r.id);
    expect(planted).toHaveLength(summary.ringMembers);
    expect(rated.filter((id) => generatedIds.has(id)).sort()).toEqual(planted.sort());
  });

  it('plants networks the real network code agrees with, and indexes names and handles for fuzzy matching', async () => {
    expect(summary.rings).toBeGreaterThan(0);
    expect(summary.networkCorrections).toBe(0);
    expect(summary.matchKeys).toBeGreaterThan(summary.cases);
    const keyed = rowsOf<{ n: number }>(await db.execute(sql`select count(distinct case_id)::int as n from match_keys`))[0].n;
    expect(keyed).toBeGreaterThanOrEqual(summary.cases);
  });
});
