// The watchlist through the business steps its server actions run
// (lib/intel/watchlist-commands.ts) and the query of its page (lib/intel/watchlist-queries.ts),
// on a real database: a block entry flags the existing cases holding the value however it is
// spelled, a false positive or an expiry stops it counting, a benign entry unlinks cases, and
// ranges and domains match. The page's listing and filters: watchlist-listing.test.ts.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionRefused } from '@/lib/actions/errors';
import { appendAudit } from '@/lib/audit/log';
import { addIdentifier, submitCandidate } from '@/lib/cases/commands';
import { refreshRisk } from '@/lib/cases/refresh-risk';
import { addIdentifierSchema, submitCandidateSchema } from '@/lib/cases/validators';
import type { Database } from '@/lib/db/client';
import { auditLog, cases, watchlist, type WatchlistEntry } from '@/lib/db/schema';
import type { IdentifierKind, WatchlistKind } from '@/lib/domain';
import { findSharedIdentifiers, findWatchlistHits } from '@/lib/intel/matching';
import { addWatchlistEntry, expireEntry, markFalsePositive } from '@/lib/intel/watchlist-commands';
import { addWatchlistEntrySchema } from '@/lib/intel/watchlist-validators';
import { closeTestDb, countRows, createUser, openTestDb, postgresSkipped, runStep, seedReference, type TestUser } from './test-db';

describe.skipIf(postgresSkipped)('watchlist', () => {
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

  // --- steps, through the same zod schemas the forms use --------------------------------

  async function submit(fields: { email: string; phone?: string }) {
    serial += 1;
    const name = `Watch Applicant ${serial}`;
    const input = submitCandidateSchema.parse({
      claimedName: name,
      resumeName: name,
      jobRole: 'Staff Frontend Engineer',
      region: 'EU',
      source: 'job_board',
      email: fields.email,
      phone: fields.phone ?? '',
    });
    return runStep(db, recruiter, submitCandidate, input);
  }

  function identify(reference: string, kind: IdentifierKind, value: string) {
    return runStep(db, lead, addIdentifier, addIdentifierSchema.parse({ reference, kind, value, source: 'Interview platform logs' }));
  }

  function add(fields: { kind: WatchlistKind; value: string; list: 'block' | 'benign'; source?: string; confidence?: string; expiresOn?: string }, actor = cso) {
    const input = addWatchlistEntrySchema.parse({ source: 'Threat-intel feed', confidence: 'high', ...fields });
    return runStep(db, actor, addWatchlistEntry, input);
  }

  const falsePositive = (id: string) => runStep(db, cso, markFalsePositive, { id });
  /**
   * Like runStep, but the step starts a few milliseconds into its transaction, as it does
   * behind the server-action wrapper on a networked database: the transaction's now() is
   * then surely earlier than the application's clock when the step runs.
   */
  const expire = (id: string) =>
    db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      const result = await expireEntry(tx, lead, { id });
      await appendAudit(tx, { id: lead.id, email: lead.email, ip: '127.0.0.1', userAgent: 'integration-test' }, result.audit);
      return result;
    });

  async function caseRow(caseId: string) {
    const [row] = await db.select().from(cases).where(eq(cases.id, caseId));
    if (!row) throw new Error(`no case ${caseId}`);
    return row;
  }

  async function entry(list: 'block' | 'benign', kind: IdentifierKind, normalized: string): Promise<WatchlistEntry> {
    const [row] = await db
      .select()
      .from(watchlist)
      .where(and(eq(watchlist.list, list), eq(watchlist.kind, kind), eq(watchlist.normalized, normalized)));
    if (!row) throw new Error(`no ${list} entry ${kind}:${normalized}`);
    return row;
  }

  const codes = async (caseId: string) => (await caseRow(caseId)).riskExplanation.map((c) => c.code);

  // --- a block entry, then a false positive -------------------------------------------------

  describe('a block entry for an email', () => {
    let target: { caseId: string; reference: string };
    let bystander: { caseId: string; reference: string };
    let entryId: string;

    beforeAll(async () => {
      target = await submit({ email: 'dev.ops.wizard@gmail.com' });
      bystander = await submit({ email: 'someone.else@example.org' });
    });

    it('starts with two unflagged cases', async () => {
      expect((await caseRow(target.caseId)).riskScore).toBe(0);
      expect((await caseRow(bystander.caseId)).riskScore).toBe(0);
    });

    it('flags the case holding the value, written another way, and reports 1 affected case', async () => {
      const before = await caseRow(target.caseId);
      const bystanderBefore = await caseRow(bystander.caseId);
      const result = await add({ kind: 'email', value: '  DevOps.Wizard+Jobs@GoogleMail.com ', list: 'block', source: 'Shared by peer company' });
      expect(result.message).toBe('Added to the block list. 1 open case newly hit.');

      const stored = await entry('block', 'email', 'devopswizard@gmail.com');
      entryId = stored.id;
      expect(stored).toMatchObject({ value: 'DevOps.Wizard+Jobs@GoogleMail.com', addedById: cso.id, falsePositive: false, expiresAt: null, sourceCaseId: null });

      const after = await caseRow(target.caseId);
      expect(after.riskScore).toBeGreaterThan(before.riskScore);
      expect(after.version).toBeGreaterThan(before.version);
      const hit = after.riskExplanation.find((c) => c.code === 'watchlist_hit');
      expect(hit).toMatchObject({ source: 'derived', points: after.riskScore });
      expect(hit?.label).toContain('Shared by peer company');
      expect(await findWatchlistHits(db, target.caseId)).toHaveLength(1);

      // A case that does not hold the value does not move.
      expect(await caseRow(bystander.caseId)).toEqual(bystanderBefore);

      const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'watchlist.added'), eq(auditLog.targetId, 'email:devopswizard@gmail.com')));
      expect(audit).toMatchObject({ actorId: cso.id, targetType: 'watchlist', after: { list: 'block', casesAffected: 1, confidence: 'high' } });
    });

    let later: { caseId: string; reference: string };

    it('flags a later applicant using the value too (who is also linked to the first)', async () => {
      later = await submit({ email: 'devopswizard+second@gmail.com' });
      expect(await codes(later.caseId)).toEqual(expect.arrayContaining(['watchlist_hit', 'shared_identifier']));
    });

    it('refuses the same value again, in any spelling, and changes nothing', async () => {
      const before = { watchlist: await countRows(db, 'watchlist'), audit: await countRows(db, 'audit_log'), target: await caseRow(target.caseId) };
      for (const value of ['devopswizard@gmail.com', 'DEV.OPS.WIZARD@gmail.com', 'd.e.v.o.p.s.w.i.z.a.r.d+x@googlemail.com']) {
        const attempt = add({ kind: 'email', value, list: 'block', source: 'Another feed', confidence: 'low' });
        await expect(attempt).rejects.toBeInstanceOf(ActionRefused);
        await attempt.catch((error: ActionRefused) => expect(error.fieldErrors.value?.length).toBeGreaterThan(0));
      }
      expect(await countRows(db, 'watchlist')).toBe(before.watchlist);
      expect(await countRows(db, 'audit_log')).toBe(before.audit);
      expect(await caseRow(target.caseId)).toEqual(before.target);
      // The first entry keeps its provenance.
      expect(await entry('block', 'email', 'devopswizard@gmail.com')).toMatchObject({ source: 'Shared by peer company', confidence: 'high' });
    });

    it('stops counting once marked a false positive: the score drops back', async () => {
      const before = await caseRow(target.caseId);
      const result = await falsePositive(entryId);
      expect(result.message).toMatch(/false positive/i);
      expect((await entry('block', 'email', 'devopswizard@gmail.com')).falsePositive).toBe(true);

      // Back to what it would be without the entry: only the link to the later applicant.
      const after = await caseRow(target.caseId);
      expect(after.riskScore).toBeLessThan(before.riskScore);
      expect(after.riskExplanation.map((c) => c.code)).toEqual(['shared_identifier']);
      expect(after.riskScore).toBe(after.riskExplanation[0].points);
      expect(after.version).toBeGreaterThan(before.version);
      expect(await findWatchlistHits(db, target.caseId)).toEqual([]);
      // Every case holding the value moved, not only the first.
      expect(await codes(later.caseId)).toEqual(['shared_identifier']);
      expect((await caseRow(later.caseId)).riskScore).toBe(after.riskScore);

      const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, 'watchlist.marked_false_positive'));
      expect(audit).toMatchObject({ actorId: cso.id, targetId: 'email:devopswizard@gmail.com', before: { falsePositive: false, expiresAt: null } });
    });

    it('refuses an unknown entry', async () => {
      await expect(falsePositive('00000000-0000-4000-8000-000000000000')).rejects.toThrow(/does not exist/i);
      await expect(expire('00000000-0000-4000-8000-000000000000')).rejects.toThrow(/does not exist/i);
    });
  });

  // --- a benign entry unlinks cases -----------------------------------------------------------

  describe('a benign entry for a shared IP', () => {
    const IP = '203.0.113.61';
    let a: { caseId: string; reference: string };
    let b: { caseId: string; reference: string };
    let entryId: string;

    beforeAll(async () => {
      a = await submit({ email: 'vpn.user.a@example.org' });
      b = await submit({ email: 'vpn.user.b@example.org' });
      await identify(a.reference, 'ip', IP);
      await identify(b.reference, 'ip', ` ${IP}`);
    });

    it('links the two cases before it is listed', async () => {
      expect((await findSharedIdentifiers(db, a.caseId)).map((s) => [s.caseId, s.kind])).toEqual([[b.caseId, 'ip']]);
      expect(await codes(a.caseId)).toContain('shared_network');
      expect(await codes(b.caseId)).toContain('shared_network');
      expect((await caseRow(a.caseId)).riskScore).toBeGreaterThan(0);
    });

    it('unlinks them once listed (written as an IPv4-mapped IPv6 address), and both scores drop', async () => {
      const scoreA = (await caseRow(a.caseId)).riskScore;
      const scoreB = (await caseRow(b.caseId)).riskScore;
      const result = await add({ kind: 'ip', value: `::ffff:${IP}`, list: 'benign', source: 'Company VPN exit' });
      expect(result.message).toMatch(/\b2 existing cases hold this value and are no longer linked by it\b/);
      entryId = (await entry('benign', 'ip', IP)).id;

      expect(await findSharedIdentifiers(db, a.caseId)).toEqual([]);
      expect(await findSharedIdentifiers(db, b.caseId)).toEqual([]);
      const afterA = await caseRow(a.caseId);
      const afterB = await caseRow(b.caseId);
      expect(afterA.riskScore).toBeLessThan(scoreA);
      expect(afterB.riskScore).toBeLessThan(scoreB);
      expect(afterA.riskExplanation.map((c) => c.code)).not.toContain('shared_network');
      expect(afterB.riskExplanation.map((c) => c.code)).not.toContain('shared_network');
    });

    it('does not link a new case that uses the benign IP either', async () => {
      const c = await submit({ email: 'vpn.user.c@example.org' });
      await identify(c.reference, 'ip', IP);
      expect(await findSharedIdentifiers(db, c.caseId)).toEqual([]);
      expect((await caseRow(c.caseId)).riskScore).toBe(0);
    });

    it('is a separate list: the same IP may also be blocked', async () => {
      // Allowed by the (list, kind, normalized) key; a benign entry wins for linking only.
      await expect(add({ kind: 'ip', value: IP, list: 'block', source: 'Abuse report' })).resolves.toMatchObject({ message: expect.stringMatching(/\b3 open cases newly hit\.$/) });
      expect(await codes(a.caseId)).toContain('watchlist_hit');
      await falsePositive((await entry('block', 'ip', IP)).id);
      expect(await codes(a.caseId)).not.toContain('watchlist_hit');
    });

    let scoreBeforeExpiry: number;

    it('links them again once the benign entry expires', async () => {
      scoreBeforeExpiry = (await caseRow(a.caseId)).riskScore;
      const result = await expire(entryId);
      expect(result.message).toMatch(/expired/i);
      const stored = await entry('benign', 'ip', IP);
      expect(stored.expiresAt).not.toBeNull();
      expect(stored.expiresAt!.getTime()).toBeLessThanOrEqual(Date.now());
      expect((await findSharedIdentifiers(db, a.caseId)).map((s) => s.caseId)).toContain(b.caseId);
    });

    // Regression: expiresAt once came from the app clock while refreshRisk, in the same
    // transaction, tests `expires_at > now()` (the transaction's start), so the entry still
    // counted when the scores were stored.
    it('stores the re-linked scores at once', async () => {
      const afterA = await caseRow(a.caseId);
      expect(afterA.riskExplanation.map((c) => c.code)).toContain('shared_network');
      expect(afterA.riskScore).toBeGreaterThan(scoreBeforeExpiry);
    });
  });

  // --- expiry -----------------------------------------------------------------------------------

  describe('an expired block entry', () => {
    const PHONE = '+44 20 7946 0321';
    let holder: { caseId: string; reference: string };
    let entryId: string;

    beforeAll(async () => {
      holder = await submit({ email: 'phone.holder@example.org', phone: PHONE });
    });

    it('counts while its expiry date is in the future', async () => {
      const expiresOn = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
      await add({ kind: 'phone', value: '0044 (20) 7946-0321', list: 'block', expiresOn });
      const stored = await entry('block', 'phone', '+442079460321');
      entryId = stored.id;
      expect(stored.expiresAt?.toISOString()).toBe(`${expiresOn}T23:59:59.000Z`);
      expect(await codes(holder.caseId)).toContain('watchlist_hit');
    });

    it('refuses an expiry date that is not in the future', () => {
      const today = new Date().toISOString().slice(0, 10);
      const parsed = addWatchlistEntrySchema.safeParse({ kind: 'phone', value: PHONE, list: 'block', source: 'x', confidence: 'low', expiresOn: today });
      expect(parsed.success).toBe(false);
    });

    let scoreBeforeExpiry: number;

    it('no longer matches once expired, with a watchlist.expired audit entry', async () => {
      scoreBeforeExpiry = (await caseRow(holder.caseId)).riskScore;
      expect(scoreBeforeExpiry).toBeGreaterThan(0);
      await expire(entryId);
      expect((await entry('block', 'phone', '+442079460321')).expiresAt!.getTime()).toBeLessThanOrEqual(Date.now());
      expect(await findWatchlistHits(db, holder.caseId)).toEqual([]);
      const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'watchlist.expired'), eq(auditLog.targetId, 'phone:+442079460321')));
      expect(audit).toMatchObject({ actorId: lead.id, before: { falsePositive: false, expiresAt: expect.any(String) } });
    });

    // Regression, as for the benign entry above.
    it('stores the dropped score at once', async () => {
      const after = await caseRow(holder.caseId);
      expect(after.riskExplanation.map((c) => c.code)).not.toContain('watchlist_hit');
      expect(after.riskScore).toBeLessThan(scoreBeforeExpiry);
      expect(after.riskScore).toBe(0);
    });

    it('drops the score on the next re-scoring of the case', async () => {
      await db.transaction((tx) => refreshRisk(tx, [holder.caseId]));
      const after = await caseRow(holder.caseId);
      expect(after.riskExplanation.map((c) => c.code)).not.toContain('watchlist_hit');
      expect(after.riskScore).toBe(0);
    });

    it('does not count for a new applicant either', async () => {
      const later = await submit({ email: 'phone.reuser@example.org', phone: PHONE });
      expect(await codes(later.caseId)).not.toContain('watchlist_hit');
    });
  });

  // --- the page -------------------------------------------------------------------------------

  describe('range and domain entries', () => {
    it('flags an IP inside a block range (and not one outside), naming the range', async () => {
      const inside = await submit({ email: 'range.inside@example.org' });
      const outside = await submit({ email: 'range.outside@example.org' });
      await identify(inside.reference, 'ip', '192.0.2.77');
      await identify(outside.reference, 'ip', '192.0.3.1');
      const result = await add({ kind: 'ip', value: '192.0.2.13/24', list: 'block', source: 'Hosting provider feed' });
      expect(result.message).toMatch(/\b1 open case newly hit\b/);
      expect((await entry('block', 'ip', '192.0.2.0/24')).ipRange).toBe('192.0.2.0/24');
      const hit = (await caseRow(inside.caseId)).riskExplanation.find((c) => c.code === 'watchlist_hit');
      expect(hit?.label).toContain('in watchlisted range 192.0.2.0/24');
      expect(await codes(outside.caseId)).not.toContain('watchlist_hit');
      // A later applicant in the range is flagged on arrival.
      const later = await submit({ email: 'range.later@example.org' });
      await identify(later.reference, 'ip', '192.0.2.200');
      expect(await codes(later.caseId)).toContain('watchlist_hit');
    });

    it('flags every email at a block domain or its subdomains, not a look-alike domain', async () => {
      const atDomain = await submit({ email: 'someone@throwaway-mail.example' });
      const atSub = await submit({ email: 'other@eu.throwaway-mail.example' });
      const lookAlike = await submit({ email: 'third@notthrowaway-mail.example' });
      const result = await add({ kind: 'email_domain', value: '@Throwaway-Mail.example', list: 'block', source: 'Disposable mail list' });
      expect(result.message).toMatch(/\b2 open cases newly hit\b/);
      expect((await caseRow(atDomain.caseId)).riskExplanation.find((c) => c.code === 'watchlist_hit')?.label).toContain('in watchlisted domain throwaway-mail.example');
      expect(await codes(atSub.caseId)).toContain('watchlist_hit');
      expect(await codes(lookAlike.caseId)).not.toContain('watchlist_hit');
    });

    it('stops linking two cases whose shared IP falls in a benign range', async () => {
      const a = await submit({ email: 'campus.a@example.org' });
      const b = await submit({ email: 'campus.b@example.org' });
      await identify(a.reference, 'ip', '198.18.5.9');
      await identify(b.reference, 'ip', '198.18.5.9');
      expect(await findSharedIdentifiers(db, a.caseId)).toHaveLength(1);
      await add({ kind: 'ip', value: '198.18.0.0/15', list: 'benign', source: 'University campus range' });
      expect(await findSharedIdentifiers(db, a.caseId)).toEqual([]);
      expect(await codes(a.caseId)).not.toContain('shared_network');
    });
  });

  describe('hits of every kind on one case', () => {
    it('reads exact, range and domain hits of one case together: exact first, then ranges, then domains', async () => {
      const holder = await submit({ email: 'all.three@deep.mx.burner-mail.example' });
      await identify(holder.reference, 'ip', '203.0.113.77');
      await identify(holder.reference, 'phone', '+44 20 7946 0958');
      await add({ kind: 'email_domain', value: 'burner-mail.example', list: 'block', source: 'Burner domains' });
      await add({ kind: 'ip', value: '203.0.113.0/24', list: 'block', source: 'Hosting range' });
      await add({ kind: 'phone', value: '+442079460958', list: 'block', source: 'Peer report' });
      expect(await findWatchlistHits(db, holder.caseId)).toEqual([
        { kind: 'phone', value: '+44 20 7946 0958', source: 'Peer report', confidence: 'high' },
        { kind: 'ip', value: '203.0.113.77', source: 'Hosting range', confidence: 'high', matched: '203.0.113.0/24' },
        { kind: 'email', value: 'all.three@deep.mx.burner-mail.example', source: 'Burner domains', confidence: 'high', matched: 'burner-mail.example' },
      ]);
    });
  });
});
