// Contract tests of REST API v1: the real route handlers called with real Requests, on a real
// database (PGlite and PostgreSQL), as every kind of token. Each answer is checked against the
// response schema the OpenAPI document is generated from, and every error code is provoked.
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createApiToken, revokeApiToken } from '@/lib/api-tokens/commands';
import { candidateResultSchema, caseSchema, clearanceSchema, errorSchema, jobSchema, watchlistListSchema, watchlistPostResultSchema } from '@/lib/api/schemas';
import { rowsOf, type Database } from '@/lib/db/client';
import { closeTestDb, countRows, createUser, openTestDb, postgresSkipped, runStep, seedReference, type TestUser } from './test-db';

const BASE = 'http://hirewatch.test';

function record(externalId: string, extra: Record<string, unknown> = {}) {
  return {
    externalId,
    claimedName: 'Alex Example',
    resumeName: 'Alex Example',
    role: 'Backend engineer',
    region: 'EU',
    source: 'ats_import',
    identifiers: [{ kind: 'email', value: `${externalId.toLowerCase()}@example.org` }],
    ...extra,
  };
}

describe.skipIf(postgresSkipped)('REST API v1', async () => {
  let db: Database;
  let admin: TestUser;
  const secrets = {} as Record<'recruiter' | 'recruiter2' | 'lead' | 'expired' | 'revoked', string>;
  const candidates = await import('@/app/api/v1/candidates/route');
  const batch = await import('@/app/api/v1/candidates/batch/route');
  const jobRoute = await import('@/app/api/v1/jobs/[jobId]/route');
  const clearance = await import('@/app/api/v1/clearance/route');
  const casesRoute = await import('@/app/api/v1/cases/route');
  const caseRoute = await import('@/app/api/v1/cases/[reference]/route');
  const watchlistRoute = await import('@/app/api/v1/watchlist/route');
  const openapi = await import('@/app/api/v1/openapi.json/route');
  const { drainJobs } = await import('@/lib/jobs/worker');
  await import('@/lib/import/processor');

  function call(method: string, path: string, token: string | null, body?: string, contentType = 'application/json'): Request {
    const headers: Record<string, string> = { 'user-agent': 'contract-test' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = contentType;
    return new Request(`${BASE}${path}`, { method, headers, body });
  }
  const none = { params: Promise.resolve({}) };
  const params = <T extends Record<string, string>>(p: T) => ({ params: Promise.resolve(p) });

  async function expectError(response: Response, status: number, code: string) {
    expect(response.status).toBe(status);
    const body = errorSchema.parse(await response.json());
    expect(body.error.code).toBe(code);
    return body.error;
  }
  async function ok<S extends z.ZodType>(response: Response, status: number, schema: S): Promise<z.output<S>> {
    const text = await response.text();
    expect(response.status, text).toBe(status);
    return schema.parse(JSON.parse(text));
  }
  const submit = (token: string, body: unknown) => candidates.POST(call('POST', '/api/v1/candidates', token, JSON.stringify(body)), none);

  beforeAll(async () => {
    db = await openTestDb();
    await seedReference(db);
    admin = await createUser(db, 'admin');
    const make = async (name: string, role: 'recruiter' | 'lead', expiresOn: Date | null = null) =>
      (await runStep(db, admin, createApiToken, { name, role, expiresOn })).secret;
    secrets.recruiter = await make('ats-a', 'recruiter');
    secrets.recruiter2 = await make('ats-b', 'recruiter');
    secrets.lead = await make('soc-feed', 'lead');
    secrets.expired = await make('old', 'recruiter', new Date(Date.now() + 1000));
    secrets.revoked = await make('gone', 'lead');
    const [gone] = rowsOf<{ id: string }>(await db.execute(sql`select id from api_tokens where name = 'gone'`));
    await runStep(db, admin, revokeApiToken, { tokenId: gone.id });
    await db.execute(sql`update api_tokens set expires_at = now() - interval '1 minute' where name = 'old'`);
  });

  afterAll(async () => {
    await closeTestDb();
  });

  afterEach(() => {
    delete process.env.HIREWATCH_API_RATE_LIMIT;
  });

  it('serves an OpenAPI 3.1 document generated from the schemas, without a token', async () => {
    const response = await openapi.GET();
    expect(response.status).toBe(200);
    const doc = (await response.json()) as { openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, { properties?: Record<string, unknown> }> } };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/candidates', '/api/v1/candidates/batch', '/api/v1/jobs/{jobId}', '/api/v1/clearance', '/api/v1/cases', '/api/v1/cases/{reference}', '/api/v1/watchlist']),
    );
    expect(Object.keys(doc.components.schemas.ApplicantRecord.properties ?? {})).toEqual(
      expect.arrayContaining(['externalId', 'claimedName', 'resumeName', 'role', 'region', 'source', 'submittedAt', 'identifiers', 'interviews', 'indicators', 'resumeText']),
    );
  });

  it('401 without a token, with a malformed, unknown, expired or revoked one — one message for all', async () => {
    const messages = new Set<string>();
    for (const token of [null, 'not-a-token', `hw_${'x'.repeat(43)}`, secrets.expired, secrets.revoked]) {
      const response = await clearance.GET(call('GET', '/api/v1/clearance?reference=HW-2026-0001', token), none);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      messages.add((await expectError(response, 401, 'unauthorized')).message);
    }
    expect(messages.size).toBe(1);
  });

  it('403 when the token role lacks the permission (same matrix as the UI)', async () => {
    await expectError(await caseRoute.GET(call('GET', '/api/v1/cases/HW-2026-0001', secrets.recruiter), params({ reference: 'HW-2026-0001' })), 403, 'forbidden');
    await expectError(await casesRoute.GET(call('GET', '/api/v1/cases?externalId=x', secrets.recruiter), none), 403, 'forbidden');
    await expectError(await watchlistRoute.GET(call('GET', '/api/v1/watchlist', secrets.recruiter), none), 403, 'forbidden');
    await expectError(await watchlistRoute.POST(call('POST', '/api/v1/watchlist', secrets.recruiter, '[]'), none), 403, 'forbidden');
  });

  it('POST /candidates: 201, then 200 with the same case for the same externalId (no duplicate)', async () => {
    const first = await ok(await submit(secrets.recruiter, record('GH-1001')), 201, candidateResultSchema);
    expect(first).toMatchObject({ externalId: 'GH-1001', clearance: 'under_review' });
    expect(first.reference).toMatch(/^HW-\d{4}-\d{4,}$/);
    const again = await ok(await submit(secrets.recruiter, record('GH-1001', { claimedName: 'Changed' })), 200, candidateResultSchema);
    expect(again).toEqual(first);
    expect(await countRows(db, 'cases', sql`external_id = 'GH-1001'`)).toBe(1);
    const [audit] = rowsOf<{ actor_email: string }>(await db.execute(sql`select actor_email from audit_log where action = 'case.imported' and target_id = ${first.reference}`));
    expect(audit.actor_email).toBe('token:ats-a');
  });

  it('POST /candidates: 409 when another recruiter token submitted that externalId', async () => {
    const error = await expectError(await submit(secrets.recruiter2, record('GH-1001')), 409, 'conflict');
    expect(error.fields).toHaveProperty('externalId');
  });

  it('POST /candidates: 400 naming the field for unknown regions, kinds and indicator codes; 415; 413; bad JSON', async () => {
    const cases = await countRows(db, 'cases');
    expect((await expectError(await submit(secrets.recruiter, record('GH-2', { region: 'MARS' })), 400, 'invalid_request')).fields).toHaveProperty('region');
    expect((await expectError(await submit(secrets.recruiter, record('GH-2', { identifiers: [{ kind: 'fax', value: '1' }] })), 400, 'invalid_request')).fields).toHaveProperty(['identifiers.0.kind']);
    const unknownCode = await expectError(await submit(secrets.recruiter, record('GH-2', { indicators: [{ code: 'no_such_code', evidence: 'Seen in the interview.' }] })), 400, 'invalid_request');
    expect(unknownCode.fields).toHaveProperty(['indicators.0.code']);
    await expectError(await candidates.POST(call('POST', '/api/v1/candidates', secrets.recruiter, JSON.stringify(record('GH-2')), 'text/plain'), none), 415, 'unsupported_media_type');
    await expectError(await candidates.POST(call('POST', '/api/v1/candidates', secrets.recruiter, JSON.stringify(record('GH-2', { resumeText: 'x'.repeat(1_100_000) }))), none), 413, 'payload_too_large');
    await expectError(await candidates.POST(call('POST', '/api/v1/candidates', secrets.recruiter, '{"externalId":'), none), 400, 'invalid_request');
    expect(await countRows(db, 'cases')).toBe(cases);
  });

  it('GET /clearance: by externalId, email or reference; a recruiter token finds only its own', async () => {
    const mine = await ok(await submit(secrets.recruiter, record('GH-3003')), 201, candidateResultSchema);
    for (const query of ['externalId=GH-3003', 'email=GH-3003@Example.org', `reference=${mine.reference}`]) {
      const answer = await ok(await clearance.GET(call('GET', `/api/v1/clearance?${query}`, secrets.recruiter), none), 200, clearanceSchema);
      expect(answer).toMatchObject({ reference: mine.reference, externalId: 'GH-3003', clearance: 'under_review' });
    }
    await expectError(await clearance.GET(call('GET', '/api/v1/clearance?externalId=GH-3003', secrets.recruiter2), none), 404, 'not_found');
    await ok(await clearance.GET(call('GET', '/api/v1/clearance?externalId=GH-3003', secrets.lead), none), 200, clearanceSchema);
    await expectError(await clearance.GET(call('GET', '/api/v1/clearance', secrets.recruiter), none), 400, 'invalid_request');
    await expectError(await clearance.GET(call('GET', '/api/v1/clearance?externalId=a&reference=HW-2026-0001', secrets.recruiter), none), 400, 'invalid_request');
    // A NUL in the query (found by the REST API fuzz suite) is refused by name, not a database error.
    for (const query of ['externalId=%00', 'email=a%00@example.org']) {
      expect(Object.keys((await expectError(await clearance.GET(call('GET', `/api/v1/clearance?${query}`, secrets.recruiter), none), 400, 'invalid_request')).fields)).toEqual([query.split('=')[0]]);
    }
    expect(await countRows(db, 'audit_log', sql`action = 'clearance.viewed' and actor_email = 'token:ats-a'`)).toBe(3);
  });

  it('GET /cases/{reference} and ?externalId= (lead): score, explanation, identifiers, links', async () => {
    const a = await ok(await submit(secrets.lead, record('LV-1', { identifiers: [{ kind: 'phone', value: '+1 415 555 0100' }] })), 201, candidateResultSchema);
    const b = await ok(await submit(secrets.lead, record('LV-2', { identifiers: [{ kind: 'phone', value: '(415) 555-0100' }, { kind: 'email', value: 'lv2@example.org' }] })), 201, candidateResultSchema);
    const byRef = await ok(await caseRoute.GET(call('GET', `/api/v1/cases/${b.reference}`, secrets.lead), params({ reference: b.reference })), 200, caseSchema);
    expect(byRef.externalId).toBe('LV-2');
    expect(byRef.identifiers.map((i) => i.kind).sort()).toEqual(['email', 'phone']);
    expect(byRef.linked.map((l) => l.reference)).toContain(a.reference);
    expect(byRef.explanation.reduce((sum, c) => sum + c.points, 0)).toBeCloseTo(byRef.riskScore, 0);
    const byExternal = await ok(await casesRoute.GET(call('GET', '/api/v1/cases?externalId=LV-1', secrets.lead), none), 200, caseSchema);
    expect(byExternal.reference).toBe(a.reference);
    await expectError(await caseRoute.GET(call('GET', '/api/v1/cases/HW-1999-9999', secrets.lead), params({ reference: 'HW-1999-9999' })), 404, 'not_found');
    // Not a reference at all, NUL included (found by the REST API fuzz suite): 404 too, not a database error.
    for (const reference of ['\u0000', 'HW-2026-0001\u0000', "' or 1=1 --"]) {
      await expectError(await caseRoute.GET(call('GET', `/api/v1/cases/${encodeURIComponent(reference)}`, secrets.lead), params({ reference })), 404, 'not_found');
    }
    await expectError(await casesRoute.GET(call('GET', '/api/v1/cases', secrets.lead), none), 400, 'invalid_request');
    await expectError(await casesRoute.GET(call('GET', '/api/v1/cases?externalId=a%00b', secrets.lead), none), 400, 'invalid_request');
  });

  it('watchlist (lead): POST adds and re-scores, repeats are counted, GET as json and csv', async () => {
    const entries = [
      { kind: 'email', value: 'lv2@example.org', source: 'peer company', confidence: 'high' },
      { kind: 'wallet', value: '0x52908400098527886E0F7030069857D2E4169EE7', source: 'peer company', confidence: 'medium' },
    ];
    const first = await ok(await watchlistRoute.POST(call('POST', '/api/v1/watchlist', secrets.lead, JSON.stringify(entries)), none), 200, watchlistPostResultSchema);
    expect(first).toEqual({ added: 2, alreadyListed: 0, casesAffected: 1 });
    const again = await ok(await watchlistRoute.POST(call('POST', '/api/v1/watchlist', secrets.lead, JSON.stringify(entries)), none), 200, watchlistPostResultSchema);
    expect(again).toMatchObject({ added: 0, alreadyListed: 2 });
    const bad = await expectError(await watchlistRoute.POST(call('POST', '/api/v1/watchlist', secrets.lead, JSON.stringify([{ ...entries[0], kind: 'fax' }])), none), 400, 'invalid_request');
    expect(bad.fields).toHaveProperty(['0.kind']);
    // A NUL in the source (found by the REST API fuzz suite) is refused by name, not a database error.
    const nul = await expectError(await watchlistRoute.POST(call('POST', '/api/v1/watchlist', secrets.lead, JSON.stringify([{ ...entries[0], source: 'peer\u0000company' }])), none), 400, 'invalid_request');
    expect(nul.fields['0.source']).toEqual(['Source contains control characters; remove them.']);
    const list = await ok(await watchlistRoute.GET(call('GET', '/api/v1/watchlist?format=json&kind=email', secrets.lead), none), 200, watchlistListSchema);
    expect(list.entries.map((e) => e.normalized)).toContain('lv2@example.org');
    const csv = await watchlistRoute.GET(call('GET', '/api/v1/watchlist?format=csv', secrets.lead), none);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(await csv.text()).toContain('lv2@example.org');
    const stix = await watchlistRoute.GET(call('GET', '/api/v1/watchlist?format=stix', secrets.lead), none);
    expect(stix.headers.get('content-type')).toMatch(/application\/stix\+json/);
    const bundle = (await stix.json()) as { type: string; objects: { type: string; pattern?: string }[] };
    expect(bundle.type).toBe('bundle');
    expect(bundle.objects.some((o) => o.type === 'indicator' && o.pattern === "[email-addr:value = 'lv2@example.org']")).toBe(true);
    await expectError(await watchlistRoute.GET(call('GET', '/api/v1/watchlist?format=xml', secrets.lead), none), 400, 'invalid_request');
    const [listedBy] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from audit_log where action = 'watchlist.added' and actor_email = 'token:soc-feed'`));
    expect(listedBy.n).toBe(2);
  });

  it('batch: 202 {jobId}; the job reports each bad line by number and imports the rest; only its owner (or a lead) sees it', async () => {
    const lines = [
      JSON.stringify(record('B-1')),
      JSON.stringify(record('B-2')),
      '{not json',
      '',
      JSON.stringify(record('B-5', { region: 'MOON' })),
      JSON.stringify(record('B-6')),
    ].join('\n');
    const queued = await ok(await batch.POST(call('POST', '/api/v1/candidates/batch', secrets.recruiter, lines, 'application/x-ndjson'), none), 202, jobSchema.pick({ jobId: true }));
    const jobParams = params({ jobId: queued.jobId });
    const before = await ok(await jobRoute.GET(call('GET', `/api/v1/jobs/${queued.jobId}`, secrets.recruiter), jobParams), 200, jobSchema);
    expect(before).toMatchObject({ status: 'queued', total: 5, done: 0, failed: 0 });
    await drainJobs(db);
    const after = await ok(await jobRoute.GET(call('GET', `/api/v1/jobs/${queued.jobId}`, secrets.recruiter), jobParams), 200, jobSchema);
    expect(after).toMatchObject({ status: 'done', total: 5, done: 3, failed: 2 });
    expect(after.errors.map((e) => e.line)).toEqual([3, 5]);
    expect(after.errors[1].message).toMatch(/region/);
    expect(await countRows(db, 'cases', sql`external_id in ('B-1', 'B-2', 'B-6')`)).toBe(3);
    await expectError(await jobRoute.GET(call('GET', `/api/v1/jobs/${queued.jobId}`, secrets.recruiter2), jobParams), 404, 'not_found');
    await ok(await jobRoute.GET(call('GET', `/api/v1/jobs/${queued.jobId}`, secrets.lead), jobParams), 200, jobSchema);
    await expectError(await jobRoute.GET(call('GET', '/api/v1/jobs/not-a-job', secrets.lead), params({ jobId: 'not-a-job' })), 404, 'not_found');
    // Shaped like a UUID but not one (found by the REST API fuzz suite): 404, not a database error.
    for (const jobId of ['-'.repeat(36), '00a0a-a0-a--aa-a-0a00a-0-000a-a0-a00']) {
      await expectError(await jobRoute.GET(call('GET', `/api/v1/jobs/${jobId}`, secrets.lead), params({ jobId })), 404, 'not_found');
    }
  });

  it('batch: 413 past 10,000 lines, 415 for another content type, 400 when empty', async () => {
    const tooMany = Array.from({ length: 10_001 }, (_, i) => `{"externalId":"X-${i}"}`).join('\n');
    await expectError(await batch.POST(call('POST', '/api/v1/candidates/batch', secrets.recruiter, tooMany, 'application/x-ndjson'), none), 413, 'payload_too_large');
    await expectError(await batch.POST(call('POST', '/api/v1/candidates/batch', secrets.recruiter, '{}', 'application/json'), none), 415, 'unsupported_media_type');
    await expectError(await batch.POST(call('POST', '/api/v1/candidates/batch', secrets.recruiter, '\n\n', 'application/x-ndjson'), none), 400, 'invalid_request');
    // A raw NUL (found by the REST API fuzz suite) cannot be stored as a line: the batch is refused by line number.
    const jobs = await countRows(db, 'jobs');
    const nul = await expectError(await batch.POST(call('POST', '/api/v1/candidates/batch', secrets.recruiter, `${JSON.stringify(record('N-1'))}\n{"externalId":"a\u0000b"}`, 'application/x-ndjson'), none), 400, 'invalid_request');
    expect(nul.fields).toHaveProperty(['line.2']);
    expect(await countRows(db, 'jobs')).toBe(jobs);
  });

  it('429 past the per-token rate limit, with Retry-After; other tokens are not affected', async () => {
    process.env.HIREWATCH_API_RATE_LIMIT = '3';
    const { secret } = await runStep(db, admin, createApiToken, { name: 'chatty', role: 'recruiter', expiresOn: null });
    const { secret: quiet } = await runStep(db, admin, createApiToken, { name: 'quiet', role: 'recruiter', expiresOn: null });
    const statuses: number[] = [];
    let limited: Response | null = null;
    for (let i = 0; i < 5; i++) {
      const response = await clearance.GET(call('GET', '/api/v1/clearance?externalId=nobody', secret), none);
      statuses.push(response.status);
      if (response.status === 429) limited ??= response;
    }
    // Unless the minute turned over mid-test, requests 4 and 5 are refused.
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1);
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
    await expectError(limited!, 429, 'rate_limited');
    expect((await clearance.GET(call('GET', '/api/v1/clearance?externalId=nobody', quiet), none)).status).toBe(404);
  });

  it('keeps last-used time, and never the secret', async () => {
    const rows = rowsOf<{ name: string; last_used_at: Date | null; token_hash: string }>(await db.execute(sql`select name, last_used_at, token_hash from api_tokens where name in ('ats-a', 'gone')`));
    expect(rows.find((r) => r.name === 'ats-a')?.last_used_at).not.toBeNull();
    expect(rows.find((r) => r.name === 'gone')?.last_used_at).toBeNull();
    const dump = JSON.stringify(rowsOf(await db.execute(sql`select * from api_tokens`)));
    for (const secret of Object.values(secrets)) expect(dump).not.toContain(secret);
  });
});
