// Identity networks through the business steps that maintain them (lib/cases/commands.ts,
// lib/intel/watchlist-commands.ts → lib/intel/networks.ts) and the queries of /network, on
// a real database: strong links join networks, weak (IP) and benign ones never do, a
// bridging identifier merges two networks, a benign entry splits one, an escalation raises
// members it never touched, and the demo seed plants its two rings as two networks.
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addIdentifier, moveCase, submitCandidate } from '@/lib/cases/commands';
import type { CaseMove } from '@/lib/cases/lifecycle';
import { refreshRiskOfNetwork } from '@/lib/cases/refresh-risk';
import { addIdentifierSchema, moveSchema, submitCandidateSchema } from '@/lib/cases/validators';
import type { Database } from '@/lib/db/client';
import { cases, networkSummaries, watchlist } from '@/lib/db/schema';
import { seedDemo } from '@/lib/db/seed/seed';
import type { IdentifierKind } from '@/lib/domain';
import { findSharedIdentifiers } from '@/lib/intel/matching';
import { getNetworkGraph, listNetworks } from '@/lib/intel/network-queries';
import { networkMembers, rebuildNetworks, updateNetworks } from '@/lib/intel/networks';
import { addWatchlistEntry, markFalsePositive } from '@/lib/intel/watchlist-commands';
import { addWatchlistEntrySchema } from '@/lib/intel/watchlist-validators';
import { closeTestDb, createUser, openTestDb, postgresSkipped, runStep, type TestUser } from './test-db';

const RATIONALE = 'Failed live ID check and shares contact details with a known laptop farm: do not hire.';

describe.skipIf(postgresSkipped)('identity networks', () => {
  let db: Database;
  let recruiter: TestUser;
  let lead: TestUser;
  let cso: TestUser;
  let serial = 0;

  beforeAll(async () => {
    db = await openTestDb();
    // The demo organization first (it seeds only an empty database), then this file's users.
    expect(await seedDemo(db)).toBe(true);
    recruiter = await createUser(db, 'recruiter');
    lead = await createUser(db, 'lead');
    cso = await createUser(db, 'cso');
  });

  afterAll(async () => {
    await closeTestDb();
  });

  /** A value unique to this call, so tests of this file never link to each other. */
  const unique = (label: string) => `${label}${++serial}x${Math.random().toString(36).slice(2, 8)}`;

  async function submit(email = `${unique('applicant')}@example.org`) {
    const name = `Network Applicant ${++serial}`;
    const input = submitCandidateSchema.parse({ claimedName: name, resumeName: name, jobRole: 'Platform Engineer', region: 'EU', source: 'agency', email });
    return runStep(db, recruiter, submitCandidate, input);
  }

  function identify(reference: string, kind: IdentifierKind, value: string) {
    return runStep(db, lead, addIdentifier, addIdentifierSchema.parse({ reference, kind, value, source: 'Interview platform logs' }));
  }

  async function move(actor: TestUser, reference: string, step: CaseMove, rationale = '') {
    const { version } = await row(reference);
    return runStep(db, actor, moveCase, moveSchema.parse({ reference, move: step, version, rationale }));
  }

  async function escalate(reference: string) {
    await move(lead, reference, 'start_investigating');
    await move(lead, reference, 'submit_for_decision');
    await move(cso, reference, 'escalate', RATIONALE);
  }

  function listEntry(kind: IdentifierKind, value: string, list: 'block' | 'benign') {
    return runStep(db, lead, addWatchlistEntry, addWatchlistEntrySchema.parse({ kind, value, list, source: 'Company mail relay', confidence: 'high' }));
  }

  async function row(reference: string) {
    const [found] = await db.select().from(cases).where(eq(cases.reference, reference));
    if (!found) throw new Error(`no case ${reference}`);
    return found;
  }

  async function networkOf(...references: string[]) {
    const rows = await db.select({ reference: cases.reference, networkId: cases.networkId }).from(cases).where(inArray(cases.reference, references));
    return Object.fromEntries(rows.map((r) => [r.reference, r.networkId]));
  }

  const codes = async (reference: string) => (await row(reference)).riskExplanation.map((c) => c.code);

  // --- the demo seed (first: before this file adds networks of its own) ------------------

  describe('demo seed', () => {
    it('plants the laptop farm (HW-…-0001..0005) and the wallet ring (0006..0008) as the only two networks', async () => {
      const { rows, total } = await listNetworks(1);
      expect(total).toBe(2);
      expect(rows.map((r) => r.size)).toEqual([5, 3]);
      const suffixes = (references: string[]) => references.map((r) => r.slice(-4));
      expect(suffixes(rows[0].references)).toEqual(['0001', '0002', '0003', '0004', '0005']);
      expect(suffixes(rows[1].references)).toEqual(['0006', '0007', '0008']);
      expect(rows[0].networkId).not.toBe(rows[1].networkId);
      // Each ring has its escalated origin, and the highest risk of the ring is high.
      expect(rows.map((r) => r.escalated)).toEqual([1, 1]);
      for (const network of rows) expect(network.maxRisk).toBeGreaterThanOrEqual(50);

      // Every other case is alone: the honest applicants behind the company VPN are not merged.
      const members = new Set(rows.flatMap((r) => r.references));
      const loners = (await db.select({ reference: cases.reference, networkId: cases.networkId }).from(cases)).filter((c) => !members.has(c.reference));
      expect(loners.length).toBeGreaterThan(40);
      for (const loner of loners) expect(loner.networkId).toBeNull();
    });

    it('draws the laptop farm with strong edges and a dashed (weak) one where only the public VPN exit is shared', async () => {
      const [farm] = (await listNetworks(1)).rows;
      const graph = await getNetworkGraph(farm.networkId);
      expect(graph).not.toBeNull();
      expect(graph!.nodes.map((n) => n.reference)).toEqual(farm.references);
      expect(graph!.nodes.map((n) => n.claimedName)).toEqual(['Kevin Park', 'Kevin Parker', 'Jason Lee', 'Ryan Cho', 'Daniel Kim']);
      const [parkRef, parkerRef, leeRef] = farm.references;
      const edge = (a: string, b: string) => graph!.links.find((l) => l.source === a && l.target === b);
      // Kevin Park and Jason Lee: one phone (strong) and the public VPN exit (weak).
      expect(edge(parkRef, leeRef)).toMatchObject({ strength: 'strong' });
      expect(edge(parkRef, leeRef)!.shared.map((s) => s.kind)).toEqual(['ip', 'phone']);
      // Kevin Parker and Jason Lee share only that IP: drawn, weak, and not what joins them.
      expect(edge(parkerRef, leeRef)).toEqual({ source: parkerRef, target: leeRef, strength: 'weak', shared: [{ kind: 'ip', value: '185.220.101.44' }] });
      for (const link of graph!.links) expect(link.shared.every((s) => s.kind !== 'name')).toBe(true);
    });

    it('rebuilding every network from scratch finds the same networks', async () => {
      const before = await db.select({ id: cases.id, networkId: cases.networkId }).from(cases);
      const result = await db.transaction((tx) => rebuildNetworks(tx));
      expect(result.affected).toEqual([]);
      expect(await db.select({ id: cases.id, networkId: cases.networkId }).from(cases)).toEqual(expect.arrayContaining(before));
    });
  });

  // --- strong, weak and benign links ------------------------------------------------------

  it('joins a ring linked by strong identifiers into one network, even members sharing nothing directly', async () => {
    const phone = '+44 20 7946 0' + String(100 + serial).slice(-3);
    const a = await submit();
    const b = await submit();
    const c = await submit();
    const loner = await submit();
    expect((await row(a.reference)).networkId).toBeNull();
    await identify(a.reference, 'phone', phone);
    await identify(b.reference, 'phone', phone.replaceAll(' ', ''));
    const device = unique('fp-');
    await identify(b.reference, 'device', device);
    await identify(c.reference, 'device', device.toUpperCase());

    const ids = await networkOf(a.reference, b.reference, c.reference, loner.reference);
    expect(ids[a.reference]).toEqual(expect.any(String));
    expect(ids[b.reference]).toBe(ids[a.reference]);
    expect(ids[c.reference]).toBe(ids[a.reference]);
    expect(ids[loner.reference]).toBeNull();
    // a and c share nothing: they are in one network through b.
    expect((await findSharedIdentifiers(db, a.caseId)).map((s) => s.caseId)).toEqual([b.caseId]);
    expect((await networkMembers(db, a.caseId)).sort()).toEqual([a.caseId, b.caseId, c.caseId].sort());
  });

  it('does not join cases that share only an IP (weak), though it still shows them as linked', async () => {
    const a = await submit();
    const b = await submit();
    const ip = `203.0.113.${200 + (serial % 50)}`;
    await identify(a.reference, 'ip', ip);
    await identify(b.reference, 'ip', ip);
    expect((await findSharedIdentifiers(db, a.caseId)).map((s) => s.caseId)).toEqual([b.caseId]);
    expect(await networkOf(a.reference, b.reference)).toEqual({ [a.reference]: null, [b.reference]: null });
    expect(await codes(a.reference)).toContain('shared_network');
  });

  it('does not merge two networks whose members share only an IP', async () => {
    const [a1, a2, b1, b2] = [await submit(), await submit(), await submit(), await submit()];
    const [wallet1, wallet2] = [`0x${'1'.repeat(8)}${String(serial).padStart(32, '0')}`, `0x${'2'.repeat(8)}${String(serial).padStart(32, '0')}`];
    await identify(a1.reference, 'wallet', wallet1);
    await identify(a2.reference, 'wallet', wallet1);
    await identify(b1.reference, 'wallet', wallet2);
    await identify(b2.reference, 'wallet', wallet2);
    const ip = `198.18.0.${serial % 250}`;
    await identify(a2.reference, 'ip', ip);
    await identify(b1.reference, 'ip', ip);
    const ids = await networkOf(a1.reference, a2.reference, b1.reference, b2.reference);
    expect(ids[a1.reference]).toBe(ids[a2.reference]);
    expect(ids[b1.reference]).toBe(ids[b2.reference]);
    expect(ids[a1.reference]).not.toBe(ids[b1.reference]);
  });

  it('does not join cases through a strong value on the benign list', async () => {
    const relay = `${unique('relay')}@mail-relay.example.com`;
    await listEntry('email', relay, 'benign');
    const a = await submit(relay);
    const b = await submit(relay.toUpperCase());
    expect(await findSharedIdentifiers(db, a.caseId)).toEqual([]);
    expect(await networkOf(a.reference, b.reference)).toEqual({ [a.reference]: null, [b.reference]: null });
  });

  // --- merging and splitting -------------------------------------------------------------

  it('merges two networks when a bridging strong identifier is added, keeping the smaller network id', async () => {
    const left = [await submit(), await submit()];
    const right = [await submit(), await submit()];
    const [leftPhone, rightAddress] = ['+1 415 555 0' + String(100 + (serial % 900)).padStart(3, '0'), `${serial} Bridge Street, Unit 7, Austin, TX`];
    for (const c of left) await identify(c.reference, 'phone', leftPhone);
    for (const c of right) await identify(c.reference, 'address', rightAddress);
    const before = await networkOf(...[...left, ...right].map((c) => c.reference));
    const [leftId, rightId] = [before[left[0].reference]!, before[right[0].reference]!];
    expect(leftId).not.toBe(rightId);

    // The bridge: a right-hand case turns out to use the left-hand phone.
    await identify(right[1].reference, 'phone', leftPhone);
    const after = await networkOf(...[...left, ...right].map((c) => c.reference));
    const merged = [leftId, rightId].sort()[0];
    expect(new Set(Object.values(after))).toEqual(new Set([merged]));
    const { rows } = await listNetworks(1);
    expect(rows.find((r) => r.networkId === merged)?.size).toBe(4);
    expect(rows.some((r) => r.networkId === [leftId, rightId].sort()[1])).toBe(false);
  });

  it('splits a network when a benign entry cuts the link holding it together, and joins it again when the entry is withdrawn', async () => {
    // x —device— y —shared mailbox— z —github— w
    const [x, y, z, w] = [await submit(), await submit(), await submit(), await submit()];
    const device = unique('fp-split-');
    const mailbox = `${unique('shared.desk')}@staffing-agency.example`;
    const github = unique('ghost-dev-');
    await identify(x.reference, 'device', device);
    await identify(y.reference, 'device', device);
    await identify(y.reference, 'email', mailbox);
    await identify(z.reference, 'email', mailbox);
    await identify(z.reference, 'github', `https://github.com/${github}`);
    await identify(w.reference, 'github', github);
    const refs = [x, y, z, w].map((c) => c.reference);
    const joined = await networkOf(...refs);
    const original = joined[x.reference]!;
    expect(new Set(Object.values(joined))).toEqual(new Set([original]));

    // The shared mailbox is the staffing agency's front desk: benign. The network splits in two.
    await listEntry('email', mailbox, 'benign');
    const split = await networkOf(...refs);
    expect(split[x.reference]).toBe(split[y.reference]);
    expect(split[z.reference]).toBe(split[w.reference]);
    expect(split[x.reference]).not.toBe(split[z.reference]);
    expect([split[x.reference], split[z.reference]]).toContain(original);
    for (const id of Object.values(split)) expect(id).not.toBeNull();

    // Cutting the last link of a pair leaves both alone: no network of one.
    const device2 = unique('fp-pair-');
    const [p, q] = [await submit(), await submit()];
    await identify(p.reference, 'device', device2);
    await identify(q.reference, 'device', device2);
    expect((await row(p.reference)).networkId).not.toBeNull();
    await listEntry('device', device2, 'benign');
    expect(await networkOf(p.reference, q.reference)).toEqual({ [p.reference]: null, [q.reference]: null });

    // The benign entry was a mistake: the four are one network again.
    const [mailboxEntry] = await db.select({ id: watchlist.id }).from(watchlist).where(and(eq(watchlist.list, 'benign'), eq(watchlist.normalized, mailbox)));
    await runStep(db, cso, markFalsePositive, { id: mailboxEntry.id });
    const rejoined = await networkOf(...refs);
    expect(new Set(Object.values(rejoined)).size).toBe(1);
    expect(rejoined[x.reference]).not.toBeNull();
  });

  // --- escalation reaches the whole network -----------------------------------------------

  it('raises a member not directly linked to an escalated case with network_with_escalated, and drops it on reopen', async () => {
    // p —phone— q —email— r: r shares nothing with p.
    const p = await submit();
    const q = await submit();
    const r = await submit();
    const phone = '+49 30 5557 ' + String(1000 + (serial % 9000)).slice(-4);
    const mailbox = `${unique('ring.inbox')}@proton.me`;
    await identify(p.reference, 'phone', phone);
    await identify(q.reference, 'phone', phone);
    await identify(q.reference, 'email', mailbox);
    await identify(r.reference, 'email', mailbox);
    const before = await row(r.reference);
    expect(await codes(r.reference)).not.toContain('network_with_escalated');

    await escalate(p.reference);
    const after = await row(r.reference);
    const signal = after.riskExplanation.find((c) => c.code === 'network_with_escalated');
    expect(signal?.label).toContain(p.reference);
    expect(signal?.weight).toBe(0.5);
    expect(after.riskScore).toBeGreaterThan(before.riskScore);
    // A case whose score moved is a newer version: a decision prepared on it is stale.
    expect(after.version).toBeGreaterThan(before.version);
    // q is linked directly: it counts the stronger, direct signal, not both.
    expect(await codes(q.reference)).toContain('shared_with_escalated');
    expect(await codes(q.reference)).not.toContain('network_with_escalated');

    await move(cso, p.reference, 'reopen', 'New evidence from the background-check vendor; review again.');
    expect(await codes(r.reference)).not.toContain('network_with_escalated');
    expect((await row(r.reference)).riskScore).toBe(before.riskScore);
  });

  it('leaves nothing to re-score after a move that neither enters nor leaves "escalated"', async () => {
    // u —phone— v —wallet— w, and x sharing only an IP with u: a network and a weak link.
    const [u, v, w, x] = [await submit(), await submit(), await submit(), await submit()];
    const phone = '+33 1 70 36 ' + String(1000 + (serial % 9000)).slice(-4).replace(/(\d\d)(\d\d)/, '$1 $2');
    const wallet = `0x${'3'.repeat(8)}${String(serial).padStart(32, '0')}`;
    await identify(u.reference, 'phone', phone);
    await identify(v.reference, 'phone', phone);
    await identify(v.reference, 'wallet', wallet);
    await identify(w.reference, 'wallet', wallet);
    const ip = `198.51.100.${serial % 250}`;
    await identify(u.reference, 'ip', ip);
    await identify(x.reference, 'ip', ip);
    const refs = [u, v, w, x].map((c) => c.reference);
    const scores = async () =>
      (await db.select({ reference: cases.reference, riskScore: cases.riskScore, riskExplanation: cases.riskExplanation, version: cases.version }).from(cases).where(inArray(cases.reference, refs))).sort((a, b) => a.reference.localeCompare(b.reference));

    for (const step of ['start_investigating', 'submit_for_decision'] as const) await move(lead, u.reference, step);
    await move(cso, u.reference, 'clear', 'Identity verified live on camera; the shared phone is a family line.');
    // Re-scoring u, its links and its network now finds every score as the move left it.
    const afterMove = await scores();
    await db.transaction((tx) => refreshRiskOfNetwork(tx, u.caseId));
    expect(await scores()).toEqual(afterMove);
  });

  it('raises the members of a network that merges with one holding an escalated case', async () => {
    const [e, f] = [await submit(), await submit()];
    const [g, h] = [await submit(), await submit()];
    const wallet = `bc1q${unique('ring').toLowerCase().replace(/[^a-z0-9]/g, '')}${'0'.repeat(20)}`;
    const address = `${serial} Laptop Farm Road, Apt 2, Nashville, TN 37211`;
    await identify(e.reference, 'wallet', wallet);
    await identify(f.reference, 'wallet', wallet);
    await escalate(e.reference);
    await identify(g.reference, 'address', address);
    await identify(h.reference, 'address', address);
    expect(await codes(h.reference)).not.toContain('network_with_escalated');

    // f and g turn out to use one device: h is now in e's network, two hops away.
    const device = unique('fp-merge-');
    await identify(f.reference, 'device', device);
    await identify(g.reference, 'device', device);
    expect(await codes(h.reference)).toContain('network_with_escalated');
    expect(await codes(g.reference)).toContain('network_with_escalated');
  });

  it('updateNetworks on unchanged networks changes nothing and reports nothing affected', async () => {
    const all = await db.select({ id: cases.id, networkId: cases.networkId }).from(cases);
    const result = await db.transaction((tx) => updateNetworks(tx, all.slice(0, 20).map((c) => c.id)));
    expect(result.affected).toEqual([]);
    expect(await db.select({ id: cases.id, networkId: cases.networkId }).from(cases)).toEqual(expect.arrayContaining(all));
  });

  // Last: after every merge, split, escalation and reopen above, the summaries the triggers
  // kept must be what grouping the cases now gives.
  it('keeps the network summaries of /network equal to the networks the cases hold', async () => {
    const kept = await db.select().from(networkSummaries).orderBy(networkSummaries.networkId);
    const members = await db
      .select({ networkId: cases.networkId, reference: cases.reference, status: cases.status, riskScore: cases.riskScore })
      .from(cases)
      .where(isNotNull(cases.networkId))
      .orderBy(cases.networkId, cases.reference);
    const expected = new Map<string, { networkId: string; size: number; maxRisk: number; memberReferences: string[]; memberStatuses: string[] }>();
    for (const m of members) {
      const entry = expected.get(m.networkId!) ?? { networkId: m.networkId!, size: 0, maxRisk: 0, memberReferences: [], memberStatuses: [] };
      entry.size += 1;
      entry.maxRisk = Math.max(entry.maxRisk, m.riskScore);
      entry.memberReferences.push(m.reference);
      entry.memberStatuses.push(m.status);
      expected.set(m.networkId!, entry);
    }
    expect(kept.length).toBeGreaterThan(8);
    expect(kept).toEqual([...expected.values()].sort((a, b) => (a.networkId < b.networkId ? -1 : 1)));
    const { total } = await listNetworks(1);
    expect(total).toBe(kept.filter((n) => n.size >= 2).length);
  });
});
