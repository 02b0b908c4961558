// The watchlist page's query (lib/intel/watchlist-queries.ts) on a real database: every entry,
// newest first, with who added it; filters by list, kind and state (active, expired, false
// positive); a case-insensitive search that takes % and _ literally; paging with the total.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/lib/db/client';
import { watchlist, type WatchlistEntry } from '@/lib/db/schema';
import type { WatchlistKind } from '@/lib/domain';
import { addWatchlistEntry, markFalsePositive } from '@/lib/intel/watchlist-commands';
import { listWatchlist, parseWatchlistParams, WATCHLIST_PAGE_SIZE } from '@/lib/intel/watchlist-queries';
import { addWatchlistEntrySchema } from '@/lib/intel/watchlist-validators';
import { closeTestDb, countRows, createUser, openTestDb, postgresSkipped, runStep, seedReference, type TestUser } from './test-db';

describe.skipIf(postgresSkipped)('watchlist listing', () => {
  let db: Database;
  let cso: TestUser;

  beforeAll(async () => {
    db = await openTestDb();
    await seedReference(db);
    cso = await createUser(db, 'cso');
    await add({ kind: 'wallet', value: '0x52908400098527886E0F7030069857D2E4169EE8', list: 'block', source: 'Sanctions list 100% match' });
    await add({ kind: 'wallet', value: '0x1111111111111111111111111111111111111111', list: 'block', source: 'Sanctions list 1000 match' });
    await add({ kind: 'github', value: 'https://github.com/fake_dev_100', list: 'block', source: 'Peer report' });
    await add({ kind: 'github', value: 'https://github.com/fakexdev100', list: 'block', source: 'Peer report' });
    for (const ip of ['192.0.2.10', '192.0.2.11', '2001:db8::10']) await add({ kind: 'ip', value: ip, list: 'benign', source: 'Office range' });
    await add({ kind: 'email_domain', value: 'burner-mail.example', list: 'block', source: 'Burner domains' });
    // Two false positives (the only phone entry among them) and two expired entries.
    for (const value of ['+44 20 7946 0000', 'mistaken.match@example.org']) {
      await add({ kind: value.startsWith('+') ? 'phone' : 'email', value, list: 'block', source: 'Peer report' });
      await runStep(db, cso, markFalsePositive, { id: await idOf(value) });
    }
    for (const value of ['old.one@example.org', 'old.two@example.org']) {
      await add({ kind: 'email', value, list: 'block', source: "Last year's feed", expiresOn: '2099-01-01' });
      await db.update(watchlist).set({ expiresAt: new Date(Date.now() - 60_000) }).where(eq(watchlist.id, await idOf(value)));
    }
  });

  afterAll(async () => {
    await closeTestDb();
  });

  const idOf = async (value: string) => (await db.select({ id: watchlist.id }).from(watchlist).where(eq(watchlist.value, value)))[0].id;

  function add(fields: { kind: WatchlistKind; value: string; list: 'block' | 'benign'; source: string; expiresOn?: string }) {
    return runStep(db, cso, addWatchlistEntry, addWatchlistEntrySchema.parse({ confidence: 'high', ...fields }));
  }

  async function allEntries() {
    return db.select().from(watchlist);
  }

  function isActive(e: WatchlistEntry) {
    return !e.falsePositive && (e.expiresAt === null || e.expiresAt.getTime() > Date.now());
  }

  async function ids(raw: Record<string, string | string[] | undefined>) {
    const { rows, total } = await listWatchlist(parseWatchlistParams(raw));
    expect(total).toBe(rows.length);
    return rows.map((r) => r.id).sort();
  }

  const sorted = (list: WatchlistEntry[]) => list.map((e) => e.id).sort();

  it('lists everything, newest first, with who added each entry', async () => {
    const all = await allEntries();
    const { rows, total } = await listWatchlist(parseWatchlistParams({}));
    expect(total).toBe(all.length);
    expect(rows.map((r) => r.id).sort()).toEqual(sorted(all));
    const times = rows.map((r) => r.createdAt.getTime());
    expect(times).toEqual([...times].sort((x, y) => y - x));
    expect(rows.find((r) => r.source === 'Office range')).toMatchObject({ addedBy: expect.stringMatching(/^cso \d+$/), sourceCase: null });
  });

  it('filters by list and by kind', async () => {
    const all = await allEntries();
    expect(await ids({ list: 'benign' })).toEqual(sorted(all.filter((e) => e.list === 'benign')));
    expect(await ids({ list: 'block' })).toEqual(sorted(all.filter((e) => e.list === 'block')));
    expect(await ids({ kind: 'wallet' })).toHaveLength(2);
    expect(await ids({ kind: 'ip', list: 'benign' })).toEqual(sorted(all.filter((e) => e.kind === 'ip' && e.list === 'benign')));
    expect(await ids({ kind: 'email_domain' })).toHaveLength(1);
    expect(await ids({ kind: 'ip', list: 'benign' })).toHaveLength(3);
  });

  it('filters by state: active, expired, false positive', async () => {
    const all = await allEntries();
    const falsePositives = all.filter((e) => e.falsePositive);
    const expired = all.filter((e) => e.expiresAt !== null && e.expiresAt.getTime() <= Date.now());
    const active = all.filter(isActive);
    expect(falsePositives.length).toBeGreaterThanOrEqual(2);
    expect(expired.length).toBe(2);
    expect(await ids({ state: 'false_positive' })).toEqual(sorted(falsePositives));
    expect(await ids({ state: 'expired' })).toEqual(sorted(expired));
    expect(await ids({ state: 'active' })).toEqual(sorted(active));
    expect(await ids({ state: 'active', list: 'block', kind: 'phone' })).toEqual([]);
  });

  it('searches value and source case-insensitively', async () => {
    const all = await allEntries();
    expect(await ids({ q: 'SANCTIONS' })).toHaveLength(2);
    expect(await ids({ q: '0x52908400098527886e0f' })).toEqual(sorted(all.filter((e) => e.normalized.startsWith('0x529084'))));
    expect(await ids({ q: '  office RANGE ' })).toEqual(sorted(all.filter((e) => e.source === 'Office range')));
  });

  it('takes % and _ in the search literally', async () => {
    const all = await allEntries();
    expect(await ids({ q: '100%' })).toEqual(sorted(all.filter((e) => e.source === 'Sanctions list 100% match')));
    expect(await ids({ q: '%' })).toEqual(sorted(all.filter((e) => e.source.includes('%') || e.value.includes('%'))));
    expect(await ids({ q: '%' })).toHaveLength(1);
    expect(await ids({ q: 'fake_dev' })).toEqual(sorted(all.filter((e) => e.value.includes('fake_dev'))));
    expect(await ids({ q: 'fake_dev' })).toHaveLength(1);
    expect(await ids({ q: '\\' })).toEqual([]);
  });

  it('ignores unknown filter values and empty fields, and reads the first of repeated ones', async () => {
    expect(parseWatchlistParams({ list: 'everything', kind: 'shoe', state: 'whatever', page: 'x' })).toEqual({ list: undefined, kind: undefined, state: undefined, q: undefined, page: 1 });
    expect(parseWatchlistParams({ list: '', q: '', page: '0' })).toMatchObject({ list: undefined, q: undefined, page: 1 });
    expect(parseWatchlistParams({ list: ['benign', 'block'], page: '2' })).toMatchObject({ list: 'benign', page: 2 });
    const all = await allEntries();
    expect(await ids({ list: 'everything', q: '' })).toEqual(sorted(all));
  });

  it('pages by WATCHLIST_PAGE_SIZE with the total of every page', async () => {
    const total = await countRows(db, 'watchlist');
    expect(total).toBeLessThan(WATCHLIST_PAGE_SIZE);
    const second = await listWatchlist(parseWatchlistParams({ page: '2' }));
    expect(second.rows).toEqual([]);
    expect(second.total).toBe(total);
  });
});
