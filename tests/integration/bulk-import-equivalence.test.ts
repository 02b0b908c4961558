// A bulk import must leave the database exactly as submitting the same records one at a
// time would: the same networks, risk scores and explanations, derived signals and fuzzy
// matches. The bulk path batches its work across a chunk (set-based SQL, one statement per
// table), so this compares it with the single-record path on a synthetic corpus (honest
// applicants who share harmless things, planted networks, recycled résumés, name variants, a
// shared agency phone, watchlist hits by value, range and domain, a benign entry), imported
// into two fresh databases in the same order.
import { inArray } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { importApplicant, importChunk } from '@/lib/applicants/import';
import { applicantRecordSchema } from '@/lib/applicants/record';
import { deriveSignalsOf } from '@/lib/cases/refresh-risk';
import type { Database } from '@/lib/db/client';
import { cases, matchKeys } from '@/lib/db/schema';
import { seedReferenceData } from '@/lib/db/seed/reference-data';
import { findFuzzyMatchesOf } from '@/lib/intel/fuzzy/fuzzy-matches';
import { addEntries } from '@/lib/intel/watchlist-commands';
import { normalizeWatchlistValue } from '@/lib/intel/watchlist-patterns';
import { generateCorpus, type CorpusRecord } from '../corpus/generator';
import { closeTestDb, createUser, openTestDb, postgresSkipped, runStep } from './test-db';

const corpus = generateCorpus({ seed: 5, legitimate: 80, networks: 6 });

/** Watchlist entries drawn from the corpus, so that some records hit them on import. */
function watchlistEntries(records: CorpusRecord[]) {
  const values = (kind: string) => records.flatMap((r) => r.identifiers.filter((i) => i.kind === kind).map((i) => i.value));
  const ip = values('ip')[3];
  const entries = [
    { kind: 'email' as const, value: values('email')[7], list: 'block' as const },
    { kind: 'phone' as const, value: values('phone')[11], list: 'block' as const },
    { kind: 'ip' as const, value: `${ip.split('.').slice(0, 3).join('.')}.0/24`, list: 'block' as const },
    { kind: 'email_domain' as const, value: values('email')[20].split('@')[1], list: 'block' as const },
    { kind: 'ip' as const, value: values('ip')[30], list: 'benign' as const },
  ];
  return entries.map((e) => {
    const normalized = normalizeWatchlistValue(e.kind, e.value);
    if (!normalized.ok) throw new Error(normalized.error);
    return { ...e, normalized: normalized.value, source: 'Equivalence test', confidence: 'high' as const };
  });
}

// A phone every eighth applicant gives (a recruiting agency's switchboard): held by more than
// MAX_PERSONAL_HOLDERS cases, so it turns from a strong link into a hub during the import.
const AGENCY_PHONE = '+1 (646) 555-0100';
// And now and then a résumé under another person's name (a name mismatch).
const withVariations = corpus.records.map((record, index) => ({
  ...record,
  identifiers: index % 8 === 3 ? [...record.identifiers, { kind: 'phone' as const, value: AGENCY_PHONE }] : record.identifiers,
  resumeName: index % 25 === 4 ? 'Jordan Q. Applicant' : record.resumeName,
}));

// A crowd that shares one name and one email handle (at different providers): the first 25
// match each other and the handle binds them into a network; the 26th makes name and handle
// common (MAX_KEY_HOLDERS), so that from then on neither scores nor links anyone, whichever
// chunk the earlier holders came in.
const crowd: CorpusRecord[] = Array.from({ length: 28 }, (_, n) => ({
  externalId: `crowd-${String(n).padStart(2, '0')}`,
  claimedName: 'Kim Min-jun',
  resumeName: 'Kim Min-jun',
  role: 'Backend engineer',
  region: 'APAC',
  source: 'job_board',
  submittedAt: '2025-06-01T09:00:00Z',
  identifiers: [{ kind: 'email', value: `minjun.kim.88@mail${n}.example` }],
  interviews: [],
  indicators: [],
}));
const records = withVariations.flatMap((record, index) => (index % 5 === 2 && crowd.length > 0 ? [record, crowd.shift()!] : [record]));

/** Everything the import derives, keyed by externalId (network ids are random: compared as partitions). */
async function snapshot(db: Database) {
  const rows = await db
    .select({ id: cases.id, externalId: cases.externalId, reference: cases.reference, networkId: cases.networkId, score: cases.riskScore, band: cases.riskBand, explanation: cases.riskExplanation })
    .from(cases)
    .where(inArray(cases.externalId, records.map((r) => r.externalId)))
    .orderBy(cases.externalId);
  const externalOf = new Map(rows.map((r) => [r.id, r.externalId!]));
  const ids = rows.map((r) => r.id);
  const networks = new Map<string, string[]>();
  for (const row of rows) if (row.networkId) networks.set(row.networkId, [...(networks.get(row.networkId) ?? []), row.externalId!]);
  const signals = await deriveSignalsOf(db, ids);
  const fuzzy = await findFuzzyMatchesOf(db, ids);
  const keys = await db.select().from(matchKeys).where(inArray(matchKeys.caseId, ids));
  return {
    cases: rows.map(({ externalId, reference, score, band, explanation }) => ({ externalId, reference, score, band, explanation })),
    networks: [...networks.values()].map((members) => members.sort().join(' ')).sort(),
    signals: rows.map((r) => ({ externalId: r.externalId, signals: signals.get(r.id) })),
    fuzzy: rows.map((r) => ({
      externalId: r.externalId,
      matches: (fuzzy.get(r.id) ?? []).map(({ to, kind, mine, theirs, similarity, reference }) => ({ to: externalOf.get(to), kind, mine, theirs, similarity, reference })),
    })),
    matchKeys: keys.map((k) => `${externalOf.get(k.caseId)} ${k.kind} ${k.key} ${k.shown}`).sort(),
  };
}

async function freshDatabase() {
  const db = await openTestDb();
  await seedReferenceData(db);
  const lead = await createUser(db, 'lead');
  await db.transaction((tx) => addEntries(tx, watchlistEntries(records)));
  return { db, lead };
}

describe.skipIf(postgresSkipped)('bulk import equals record-by-record submission', () => {
  afterEach(async () => {
    await closeTestDb();
  });

  it(`gives ${records.length} records the same networks, scores, signals and fuzzy matches`, async () => {
    const bulk = await freshDatabase();
    // Chunks smaller than the corpus, so links run both inside a chunk and across chunks.
    const CHUNK = 60;
    for (let start = 0; start < records.length; start += CHUNK) {
      const lines = records.slice(start, start + CHUNK).map((value, index) => ({ line: start + index + 1, value }));
      const results = await importChunk(bulk.db, bulk.lead, lines);
      expect(results.filter((r) => !r.ok)).toEqual([]);
    }
    const afterBulk = await snapshot(bulk.db);
    await closeTestDb();

    const single = await freshDatabase();
    for (const record of records) await runStep(single.db, single.lead, importApplicant, applicantRecordSchema.parse(record));
    const afterSingle = await snapshot(single.db);

    // The corpus exercises what it should: networks, fuzzy matches, watchlist hits, a hub.
    expect(afterSingle.networks.length).toBeGreaterThanOrEqual(5);
    const codes = new Set(afterSingle.cases.flatMap((c) => c.explanation.map((e) => e.code)));
    console.info(`[equivalence] ${records.length} records, ${afterSingle.networks.length} networks, codes ${[...codes].sort().join(' ')}`);
    for (const code of ['identity_network', 'shared_identifier', 'shared_network', 'watchlist_hit', 'similar_name', 'recycled_resume', 'name_mismatch']) expect(codes).toContain(code);

    // The crowd's name and handle are common: nobody keeps evidence or a network from them.
    const crowdCases = afterSingle.cases.filter((c) => c.externalId!.startsWith('crowd-'));
    expect(crowdCases.length).toBeGreaterThan(25);
    for (const c of crowdCases) expect(c.explanation.map((e) => e.code)).toEqual([]);
    expect(afterSingle.networks.filter((members) => members.includes('crowd-'))).toEqual([]);

    expect(afterBulk.cases).toEqual(afterSingle.cases);
    expect(afterBulk.networks).toEqual(afterSingle.networks);
    expect(afterBulk.signals).toEqual(afterSingle.signals);
    expect(afterBulk.fuzzy).toEqual(afterSingle.fuzzy);
    expect(afterBulk.matchKeys).toEqual(afterSingle.matchKeys);
  }, 600_000);
});
