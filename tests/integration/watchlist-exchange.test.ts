// Sharing the watchlist: CSV and STIX imports through the business step the import form
// runs, re-matching open cases and saying how many were newly hit; a real, audited remove; and
// the STIX export read from the database, valid against the STIX 2.1 required properties,
// free of personal data beyond the indicators, and round-tripping to the same entries.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionRefused } from '@/lib/actions/errors';
import { moveCase, submitCandidate } from '@/lib/cases/commands';
import { moveSchema, submitCandidateSchema } from '@/lib/cases/validators';
import type { Database } from '@/lib/db/client';
import { auditLog, cases, watchlist } from '@/lib/db/schema';
import { findWatchlistHits } from '@/lib/intel/matching';
import { readBundle } from '@/lib/intel/stix/import';
import { TLP_MARKING_IDS } from '@/lib/intel/stix/markings';
import { validateBundle } from '@/lib/intel/stix/validate';
import { removeEntry } from '@/lib/intel/watchlist-commands';
import { watchlistCsvRows, watchlistStixBundle } from '@/lib/intel/watchlist-export';
import { importWatchlistFile } from '@/lib/intel/watchlist-import';
import { closeTestDb, createUser, openTestDb, postgresSkipped, runStep, seedReference, type TestUser } from './test-db';

describe.skipIf(postgresSkipped)('watchlist import and export', () => {
  let db: Database;
  let recruiter: TestUser;
  let lead: TestUser;
  let cso: TestUser;
  let serial = 0;

  beforeAll(async () => {
    db = await openTestDb();
    await seedReference(db);
    recruiter = await createUser(db, 'recruiter');
    lead = await createUser(db, 'lead');
    cso = await createUser(db, 'cso');
  });

  afterAll(async () => {
    await closeTestDb();
  });

  async function submit(email: string, phone = '') {
    serial += 1;
    const name = `Exchange Applicant ${serial}`;
    return runStep(db, recruiter, submitCandidate, submitCandidateSchema.parse({ claimedName: name, resumeName: name, jobRole: 'SRE', region: 'NA', source: 'referral', email, phone }));
  }

  const upload = (name: string, text: string) => runStep(db, lead, importWatchlistFile, { file: new File([text], name) });

  it('a CSV import adds every row, re-matches open cases and says how many were newly hit', async () => {
    const one = await submit('csv.hit.one@example.org');
    const two = await submit('csv.hit.two@example.org', '+1 415 555 0199');
    const result = await upload(
      'peer.csv',
      'kind,value,source,confidence,tlp,expires_at\n' +
        'email,CSV.Hit.One@example.org,Peer company,high,TLP:GREEN,2099-01-01\n' +
        'phone,+14155550199,Peer company,medium,amber+strict,\n' +
        'email,csv.hit.two@example.org,Peer company,low,,\n' +
        'ip,192.0.2.44,Peer company,low,red,\n',
    );
    expect(result.message).toBe('Imported 4 new entries from CSV. 2 open cases newly hit.');
    expect((await findWatchlistHits(db, one.caseId)).map((h) => h.value)).toEqual(['csv.hit.one@example.org']);
    expect(await findWatchlistHits(db, two.caseId)).toHaveLength(2);
    const [stored] = await db.select().from(watchlist).where(and(eq(watchlist.kind, 'phone'), eq(watchlist.normalized, '+14155550199')));
    expect(stored).toMatchObject({ tlp: 'amber_strict', confidence: 'medium', source: 'Peer company', addedById: lead.id });
    const again = await upload('peer.csv', 'kind,value,source,confidence\nemail,csv.hit.one@example.org,Peer company,high\n');
    expect(again.message).toBe('Imported 0 new entries from CSV (1 already listed). 0 open cases newly hit.');
  });

  it('a CSV with a bad row adds nothing and lists the rows to fix', async () => {
    const before = await db.$count(watchlist);
    const attempt = upload('bad.csv', 'kind,value,source,confidence\nemail,fine.row@example.org,Feed,high\nwallet,xx,Feed,high\nemail,also.fine@example.org,,high\n');
    await expect(attempt).rejects.toBeInstanceOf(ActionRefused);
    const error = (await attempt.catch((e) => e)) as ActionRefused;
    expect(error.message).toBe('Nothing was imported: 2 problems to fix first.');
    expect(error.fieldErrors.file).toEqual(['Row 3: value: Not a wallet address.', 'Row 4: source is empty.']);
    expect(await db.$count(watchlist)).toBe(before);
  });

  it('remove deletes the entry, re-scores its holders and keeps what it was in the audit log', async () => {
    const held = await submit('to.remove@example.org');
    await upload('one.csv', 'kind,value,source,confidence\nemail,to.remove@example.org,Mistake,high\n');
    const [before] = await db.select({ score: cases.riskScore }).from(cases).where(eq(cases.id, held.caseId));
    const [entry] = await db.select().from(watchlist).where(eq(watchlist.normalized, 'to.remove@example.org'));
    await runStep(db, lead, removeEntry, { id: entry.id });
    expect(await db.$count(watchlist, eq(watchlist.id, entry.id))).toBe(0);
    const [after] = await db.select({ score: cases.riskScore }).from(cases).where(eq(cases.id, held.caseId));
    expect(after.score).toBeLessThan(before.score);
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, 'watchlist.removed'));
    expect(audit).toMatchObject({ actorId: lead.id, targetId: 'email:to.remove@example.org', before: expect.objectContaining({ value: 'to.remove@example.org', source: 'Mistake', tlp: 'amber' }) });
    await expect(runStep(db, lead, removeEntry, { id: entry.id })).rejects.toBeInstanceOf(ActionRefused);
  });

  it('exports a valid STIX 2.1 bundle: escalated cases as threat actors, TLP:RED left out, no personal data', async () => {
    const { reference, caseId } = await submit('stix.escalated@example.org', '+44 20 7946 0958');
    const version = async () => (await db.select({ version: cases.version }).from(cases).where(eq(cases.id, caseId)))[0].version;
    const rationale = 'Confirmed fabricated identity after review.';
    await runStep(db, lead, moveCase, moveSchema.parse({ reference, move: 'start_investigating', version: await version(), rationale: '' }));
    await runStep(db, cso, moveCase, moveSchema.parse({ reference, move: 'escalate', version: await version(), rationale }));

    const { bundle, indicators } = await db.transaction((tx) => watchlistStixBundle(tx));
    expect(validateBundle(bundle)).toEqual([]);
    const text = JSON.stringify(bundle);
    expect(text).toContain("[email-addr:value = 'stix.escalated@example.org']");
    expect(text).toContain("[phone-number:value = '+442079460958']");
    expect(text).not.toContain('192.0.2.44'); // TLP:RED
    expect(text).not.toMatch(/Exchange Applicant|Peer company|Confirmed fabricated/);
    const actor = bundle.objects.find((o) => o.type === 'threat-actor' && o.id === `threat-actor--${caseId}`);
    expect(actor?.name).toBe(`Hiring-fraud applicant ${reference}`);
    const relationships = bundle.objects.filter((o) => o.type === 'relationship' && o.target_ref === actor?.id);
    expect(relationships).toHaveLength(2);
    expect(bundle.objects.find((o) => o.type === 'indicator' && String(o.pattern).includes('+14155550199'))?.object_marking_refs).toEqual([TLP_MARKING_IDS.amber_strict]);
    // The organisation keeps one identity across exports.
    const second = await db.transaction((tx) => watchlistStixBundle(tx));
    expect(second.bundle.objects[0].id).toBe(bundle.objects[0].id);
    expect(second.indicators).toBe(indicators);
  });

  it('round trip: export, empty the list, import the bundle, and the same entries are back', async () => {
    const snapshot = async () =>
      (await watchlistCsvRows(db))
        .filter((r) => r.list === 'block' && r.tlp !== 'red' && !r.falsePositive)
        .map((r) => ({ kind: r.kind, tlp: r.tlp, confidence: r.confidence, expiresAt: r.expiresAt?.toISOString() ?? null }))
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    const normalizedValues = async () => (await db.select({ kind: watchlist.kind, normalized: watchlist.normalized, tlp: watchlist.tlp }).from(watchlist)).filter((r) => r.tlp !== 'red').map((r) => `${r.kind}:${r.normalized}`).sort();
    const before = await snapshot();
    const valuesBefore = await normalizedValues();
    const { bundle } = await db.transaction((tx) => watchlistStixBundle(tx));
    const read = readBundle(JSON.stringify(bundle));
    expect(read.ok && read.skipped).toEqual([]);

    await db.delete(watchlist);
    const result = await upload('peer.stix.json', JSON.stringify(bundle));
    expect(result.message).toMatch(/^Imported \d+ new entries from STIX\. [1-9]\d* open cases? newly hit\.$/);
    expect(await snapshot()).toEqual(before);
    expect(await normalizedValues()).toEqual(valuesBefore);
  });

  it('a STIX import takes what it understands and lists the rest with reasons', async () => {
    const bundle = {
      type: 'bundle',
      id: 'bundle--8b5c2d1e-3f4a-4b6c-9d8e-7f6a5b4c3d2e',
      objects: [
        { type: 'indicator', spec_version: '2.1', id: 'indicator--11111111-1111-4111-8111-111111111111', created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', pattern: "[url:value = 'https://evil.example/']", pattern_type: 'stix', valid_from: '2026-01-01T00:00:00Z' },
        { type: 'indicator', spec_version: '2.1', id: 'indicator--22222222-2222-4222-8222-222222222222', created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', pattern: "[cryptocurrency-wallet:value = '0x52908400098527886E0F7030069857D2E4169EE7']", pattern_type: 'stix', valid_from: '2026-01-01T00:00:00Z', confidence: 80 },
      ],
    };
    const result = await upload('feed.json', JSON.stringify(bundle));
    expect(result.message).toBe('Imported 1 new entry from STIX, skipped 1 indicator. 0 open cases newly hit.');
    expect(result.details).toEqual(['Skipped indicator--11111111-1111-4111-8111-111111111111: no watchlist kind for url (url:value).']);
    const [wallet] = await db.select().from(watchlist).where(eq(watchlist.kind, 'wallet'));
    expect(wallet).toMatchObject({ normalized: '0x52908400098527886e0f7030069857d2e4169ee7', confidence: 'high', tlp: 'amber', source: 'STIX: unnamed producer' });
  });
});
