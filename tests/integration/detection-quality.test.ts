// Detection quality, end to end: a synthetic corpus (tests/corpus/generator.ts) of honest
// applicants who share harmless things and planted networks of fabricated identities is
// imported THROUGH the applicant record (lib/applicants/import.ts), and what the database
// then says (stored risk bands, stored networks) is scored against the ground truth:
// ≥ 95 % of planted members high or critical, ≤ 2 % of honest applicants, pairwise F1 of
// the networks ≥ 0.95. Several seeds, each on a fresh database; DETECTION_SEEDS=1,2,3
// overrides them. Nothing in the scoring knows the generator: it reads only the records.
import { inArray } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { importLines } from '@/lib/applicants/import';
import { cases } from '@/lib/db/schema';
import { seedReferenceData } from '@/lib/db/seed/reference-data';
import { generateCorpus } from '../corpus/generator';
import { scoreDetection, type Outcome } from '../corpus/metrics';
import { closeTestDb, createUser, openTestDb, postgresSkipped } from './test-db';

// Two seeds on PostgreSQL (fast); one on the embedded database, where a corpus takes minutes
// on two cores and the same code runs.
const SEEDS = (process.env.DETECTION_SEEDS ?? (process.env.HIREWATCH_TEST_DB === 'postgres' ? '11,29' : '11')).split(',').map(Number);

describe.skipIf(postgresSkipped)('detection quality on a synthetic corpus', () => {
  afterEach(async () => {
    await closeTestDb();
  });

  it.each(SEEDS)('seed %i: flags planted networks, spares honest applicants, rebuilds the networks', async (seed) => {
    const db = await openTestDb();
    await seedReferenceData(db);
    const lead = await createUser(db, 'lead');
    const corpus = generateCorpus({ seed });

    const results = await importLines(db, lead, corpus.records.map((value, index) => ({ line: index + 1, value })));
    const refused = results.filter((r) => !r.ok);
    expect(refused).toEqual([]);

    const ids = corpus.records.map((r) => r.externalId);
    const rows = await db
      .select({ externalId: cases.externalId, band: cases.riskBand, networkId: cases.networkId, explanation: cases.riskExplanation })
      .from(cases)
      .where(inArray(cases.externalId, ids));
    const report = scoreDetection(rows as Outcome[], corpus.truth);
    console.info(`[detection] seed ${seed}: ${JSON.stringify(report)}`);
    // What raised the honest applicants that were flagged, and what the missed members had.
    const codes = (planted: boolean, flagged: boolean) =>
      rows
        .filter((r) => Boolean(corpus.truth.get(r.externalId!)) === planted && (r.band === 'high' || r.band === 'critical') === flagged)
        .slice(0, 5)
        .map((r) => r.explanation.map((c) => `${c.code}:${c.points}`).join(' '));
    console.info(`[detection] flagged honest: ${JSON.stringify(codes(false, true))}\n[detection] missed planted: ${JSON.stringify(codes(true, false))}`);

    expect(report.planted).toBeGreaterThan(50);
    expect(report.legitimate).toBeGreaterThan(300);
    expect(report.recall).toBeGreaterThanOrEqual(0.95);
    expect(report.falsePositiveRate).toBeLessThanOrEqual(0.02);
    expect(report.pairF1).toBeGreaterThanOrEqual(0.95);
  }, 600_000);
});
