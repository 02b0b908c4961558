// Webhooks end to end on a real database and a real HTTP receiver on loopback (node:http on
// port 0): an escalation queues an event in its own transaction (none when it rolls back),
// the worker POSTs it signed, a receiver that fails twice gets it on the third attempt with
// every attempt logged, a dead receiver is given up after five, a new critical watchlist hit
// is announced, and two workers draining one outbox never deliver an event twice.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ActionRefused } from '@/lib/actions/errors';
import { addIndicator, moveCase, submitCandidate } from '@/lib/cases/commands';
import { addIndicatorSchema, moveSchema, submitCandidateSchema } from '@/lib/cases/validators';
import type { Database } from '@/lib/db/client';
import { cases, webhookDeliveries, webhookEndpoints, webhookEvents } from '@/lib/db/schema';
import type { WebhookEvent } from '@/lib/domain';
import { addWatchlistEntry } from '@/lib/intel/watchlist-commands';
import { addWatchlistEntrySchema } from '@/lib/intel/watchlist-validators';
import { createWebhook } from '@/lib/webhooks/commands';
import { enqueueCaseEvent } from '@/lib/webhooks/outbox';
import { verifyWebhook } from '@/lib/webhooks/signature';
import { deliverDueWebhooks } from '@/lib/webhooks/worker';
import { closeTestDb, createUser, openTestDb, postgresSkipped, runStep, seedReference, testDbKind, type TestUser } from './test-db';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A loopback receiver answering each request with the next status of `statuses` (then 200). */
async function receiver(statuses: number[] = [], delayMs = 0) {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      setTimeout(() => {
        response.statusCode = statuses.shift() ?? 200;
        response.end('ok');
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const SECRET = 'whsec_integration_test_secret';
const FAST = { baseDelayMs: 1 };

describe.skipIf(postgresSkipped)('webhooks', () => {
  let db: Database;
  let recruiter: TestUser;
  let lead: TestUser;
  let cso: TestUser;
  let admin: TestUser;
  let serial = 0;
  const closers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    process.env.AUTH_SECRET ??= 'integration-test-auth-secret-0123456789';
    db = await openTestDb();
    await seedReference(db);
    recruiter = await createUser(db, 'recruiter');
    lead = await createUser(db, 'lead');
    cso = await createUser(db, 'cso');
    admin = await createUser(db, 'admin');
  });

  afterEach(async () => {
    while (closers.length > 0) await closers.pop()!();
    // Each test starts with no endpoint and an empty outbox.
    await db.delete(webhookEndpoints);
  });

  afterAll(async () => {
    await closeTestDb();
  });

  async function endpoint(url: string, events: WebhookEvent[] = ['case.escalated', 'case.cleared', 'watchlist.critical_hit']) {
    return runStep(db, admin, createWebhook, { name: `Receiver ${++serial}`, url, secret: SECRET, events });
  }

  async function submit() {
    serial += 1;
    const name = `Hook Applicant ${serial}`;
    const input = submitCandidateSchema.parse({ claimedName: name, resumeName: name, jobRole: 'SRE', region: 'EU', source: 'agency', email: `hook.applicant.${serial}@example.org` });
    return runStep(db, recruiter, submitCandidate, input);
  }

  async function move(actor: TestUser, reference: string, step: 'start_investigating' | 'escalate' | 'clear', version?: number) {
    const [row] = await db.select({ version: cases.version }).from(cases).where(eq(cases.reference, reference));
    return runStep(db, actor, moveCase, moveSchema.parse({ reference, move: step, version: version ?? row.version, rationale: 'Decided after the full review of the file.' }));
  }

  async function escalatedCase() {
    const { reference } = await submit();
    await move(lead, reference, 'start_investigating');
    await move(cso, reference, 'escalate');
    return reference;
  }

  async function drain(options = FAST, rounds = 20) {
    for (let i = 0; i < rounds; i += 1) {
      await deliverDueWebhooks(db, options);
      const [{ pending }] = await db.select({ pending: sql<number>`count(*)::int` }).from(webhookEvents).where(eq(webhookEvents.status, 'pending'));
      if (pending === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('an escalation is POSTed once, signed over timestamp.body, with the reference and clearance only', async () => {
    const hook = await receiver();
    closers.push(hook.close);
    await endpoint(hook.url);
    const reference = await escalatedCase();
    expect(await db.$count(webhookEvents)).toBe(1);
    await drain();
    expect(hook.received).toHaveLength(1);
    const [{ headers, body }] = hook.received;
    expect(headers['content-type']).toBe('application/json');
    expect(headers['x-hirewatch-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhook(SECRET, { signature: String(headers['x-hirewatch-signature']), timestamp: String(headers['x-hirewatch-timestamp']) }, body)).toBe(true);
    expect(verifyWebhook('whsec_wrong_secret_value', { signature: String(headers['x-hirewatch-signature']), timestamp: String(headers['x-hirewatch-timestamp']) }, body)).toBe(false);
    const payload = JSON.parse(body);
    expect(payload).toMatchObject({ event: 'case.escalated', case: { reference, clearance: 'do_not_proceed' }, text: `Hirewatch: case ${reference} was escalated. Clearance: Do not proceed.` });
    expect(Object.keys(payload.case).sort()).toEqual(['clearance', 'reference']);
    expect(body).not.toMatch(/Hook Applicant|example\.org/);
    const log = await db.select().from(webhookDeliveries);
    expect(log).toEqual([expect.objectContaining({ attempt: 1, statusCode: 200, error: null })]);
    expect(log[0].durationMs).toBeGreaterThanOrEqual(0);
  });

  it('queues nothing when the decision rolls back, and nothing for endpoints not subscribed', async () => {
    const hook = await receiver();
    closers.push(hook.close);
    await endpoint(hook.url, ['case.cleared']);
    const { reference } = await submit();
    await move(lead, reference, 'start_investigating');
    await expect(move(cso, reference, 'escalate', 999)).rejects.toBeInstanceOf(ActionRefused);
    await move(cso, reference, 'escalate');
    expect(await db.$count(webhookEvents)).toBe(0);
  });

  it('a receiver failing twice gets the event on the third attempt; every attempt is logged', async () => {
    const hook = await receiver([500, 503]);
    closers.push(hook.close);
    await endpoint(hook.url);
    const { reference } = await submit();
    await move(lead, reference, 'start_investigating');
    await move(cso, reference, 'clear');
    await drain();
    expect(hook.received).toHaveLength(3);
    // The same event each time, freshly signed.
    expect(new Set(hook.received.map((r) => JSON.parse(r.body).id)).size).toBe(1);
    const log = await db.select().from(webhookDeliveries).orderBy(webhookDeliveries.attempt);
    expect(log.map((l) => [l.attempt, l.statusCode, l.error])).toEqual([
      [1, 500, 'HTTP 500'],
      [2, 503, 'HTTP 503'],
      [3, 200, null],
    ]);
    const [event] = await db.select().from(webhookEvents);
    expect(event).toMatchObject({ status: 'delivered', attempts: 3, event: 'case.cleared' });
  });

  it('gives up after five attempts, retrying with growing delays, and logs a refused connection', async () => {
    const hook = await receiver();
    await hook.close();
    await endpoint(hook.url);
    await escalatedCase();
    const started = Date.now();
    // Base 20 ms: retries wait 20, 80, 320 and 1,280 ms.
    await drain({ baseDelayMs: 20 }, 200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(20 + 80 + 320 + 1280);
    const [event] = await db.select().from(webhookEvents);
    expect(event).toMatchObject({ status: 'failed', attempts: 5 });
    const log = await db.select().from(webhookDeliveries).orderBy(webhookDeliveries.attempt);
    expect(log.map((l) => l.attempt)).toEqual([1, 2, 3, 4, 5]);
    expect(log.every((l) => l.statusCode === null && /ECONNREFUSED|fetch failed/.test(l.error ?? ''))).toBe(true);
    await deliverDueWebhooks(db, FAST);
    expect(await db.$count(webhookDeliveries)).toBe(5);
  });

  it('announces an undecided case that turns critical on a new watchlist hit', async () => {
    const hook = await receiver();
    closers.push(hook.close);
    await endpoint(hook.url, ['watchlist.critical_hit']);
    const { reference } = await submit();
    for (const code of ['identity_reuses_real_person', 'photo_ai_generated']) {
      await runStep(db, lead, addIndicator, addIndicatorSchema.parse({ reference, code, evidence: 'Seen on the call.' }));
    }
    expect(await db.$count(webhookEvents)).toBe(0);
    await runStep(db, lead, addWatchlistEntry, addWatchlistEntrySchema.parse({ kind: 'email', value: `hook.applicant.${serial}@example.org`, list: 'block', source: 'Peer', confidence: 'high' }));
    const [row] = await db.select({ band: cases.riskBand }).from(cases).where(eq(cases.reference, reference));
    expect(row.band).toBe('critical');
    await drain();
    expect(hook.received.map((r) => JSON.parse(r.body))).toEqual([expect.objectContaining({ event: 'watchlist.critical_hit', case: { reference, clearance: 'under_review' } })]);
  });

  it('two workers draining one outbox deliver every event exactly once', async () => {
    const hook = await receiver([], 30);
    closers.push(hook.close);
    await endpoint(hook.url);
    await db.transaction(async (tx) => {
      for (let i = 0; i < 30; i += 1) await enqueueCaseEvent(tx, 'case.escalated', { reference: `HW-2026-9${String(i).padStart(3, '0')}`, status: 'escalated' });
    });
    // On PostgreSQL the second worker is a second instance: its own connection pool.
    let other: Database = db;
    if (testDbKind() === 'postgres') {
      const { Pool } = await import('pg');
      const { drizzle } = await import('drizzle-orm/node-postgres');
      const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
      closers.push(() => pool.end());
      other = drizzle({ client: pool }) as unknown as Database;
    }
    const worker = async (handle: Database) => {
      let sent = 0;
      for (let i = 0; i < 20; i += 1) sent += await deliverDueWebhooks(handle, { ...FAST, batchSize: 4 });
      return sent;
    };
    const [a, b] = await Promise.all([worker(db), worker(other)]);
    expect(a + b).toBe(30);
    if (testDbKind() === 'postgres') expect(Math.min(a, b)).toBeGreaterThan(0);
    const ids = hook.received.map((r) => JSON.parse(r.body).case.reference);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
    expect(await db.$count(webhookEvents, eq(webhookEvents.status, 'delivered'))).toBe(30);
    expect(await db.$count(webhookDeliveries)).toBe(30);
  });
});
