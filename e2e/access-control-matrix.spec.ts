// The access-control matrix, tested over the route tree itself: every page and route handler
// under app/ × every role and the signed-out visitor gets its expected HTTP outcome. A new
// route without an entry in EXPECTED fails this spec, so nobody can add a page and forget
// to decide who may see it. Server actions are covered the same way in
// tests/integration/server-actions-authorization.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { request as playwrightRequest, type APIRequestContext, type BrowserContext } from '@playwright/test';
import { expect, SECOND_FACTOR_PATH, SECOND_FACTOR_USERS, seededCandidateData, seededCase, signIn, signInRequest, test, type DemoUser } from './fixtures';

// csoPending: a cso who passed the password but not the code step. The server must treat that
// session as signed out everywhere (sending pages to the code step), not only in one redirect.
type Visitor = 'signedOut' | 'csoPending' | 'recruiter' | 'lead' | 'cso' | 'exec' | 'admin';
const VISITORS: Visitor[] = ['signedOut', 'csoPending', 'recruiter', 'lead', 'cso', 'exec', 'admin'];

/** 'home' = a redirect to the visitor's home page; 'login' = a redirect to /login; 'code' = to the code step. */
type Outcome = 200 | 401 | 403 | 404 | 405 | 'login' | 'home' | 'code';

const PAGE = (allowed: Visitor[]): Record<Visitor, Outcome> =>
  Object.fromEntries(VISITORS.map((v) => [v, v === 'signedOut' ? 'login' : v === 'csoPending' ? 'code' : allowed.includes(v) ? 200 : 403])) as Record<Visitor, Outcome>;
const EVERYONE = (outcome: Outcome): Record<Visitor, Outcome> => Object.fromEntries(VISITORS.map((v) => [v, outcome])) as Record<Visitor, Outcome>;

// Route file (relative to app/) → expected outcome per visitor. The DESIGN.md matrix.
const EXPECTED: Record<string, Record<Visitor, Outcome> | 'skip'> = {
  'page.tsx': { ...EVERYONE('home'), signedOut: 'login', csoPending: 'code' },
  'login/page.tsx': { ...EVERYONE('home'), signedOut: 200, csoPending: 'code' },
  'login/second-factor/page.tsx': { ...EVERYONE('home'), signedOut: 'login', csoPending: 200 },
  '(app)/cases/page.tsx': PAGE(['lead', 'cso']),
  // CSV exports: route handlers answer 401/403 themselves instead of redirecting.
  '(app)/cases/export/route.ts': { ...PAGE(['lead', 'cso']), signedOut: 401, csoPending: 401 },
  '(app)/audit/export/route.ts': { ...PAGE(['cso', 'admin']), signedOut: 401, csoPending: 401 },
  '(app)/watchlist/export/route.ts': { ...PAGE(['lead', 'cso']), signedOut: 401, csoPending: 401 },
  '(app)/cases/[reference]/page.tsx': PAGE(['lead', 'cso']),
  // Evidence download: refused (401/403) before any lookup; for leads and CSOs the probe's
  // made-up attachment id of a real case answers 404 (e2e/lead-attaches-evidence.spec.ts
  // downloads a real one).
  // Subject access export (JSON of everything held on one applicant): CSOs and admins only.
  '(app)/cases/[reference]/subject-export/route.ts': { ...PAGE(['cso', 'admin']), signedOut: 401, csoPending: 401 },
  '(app)/cases/[reference]/attachments/[id]/route.ts': { ...PAGE([]), signedOut: 401, csoPending: 401, lead: 404, cso: 404 },
  '(app)/network/page.tsx': PAGE(['lead', 'cso']),
  // One network: probed with an id no network has, so leads and CSOs get the not-found page
  // (e2e/lead-opens-network.spec.ts opens a real one).
  '(app)/network/[networkId]/page.tsx': { ...PAGE(['lead', 'cso']), lead: 404, cso: 404 },
  '(app)/clearance/page.tsx': PAGE(['recruiter', 'lead', 'cso']),
  '(app)/watchlist/page.tsx': PAGE(['lead', 'cso']),
  '(app)/trends/page.tsx': PAGE(['lead', 'cso', 'exec']),
  '(app)/audit/page.tsx': PAGE(['cso', 'admin']),
  '(app)/admin/page.tsx': PAGE(['admin']),
  '(app)/admin/webhooks/page.tsx': PAGE(['admin']),
  'api/health/route.ts': EVERYONE(200),
  '(app)/import/page.tsx': PAGE(['lead', 'cso']),
  // The import page's own endpoints (session, import:run): POST only; a job that does not exist is 404.
  '(app)/import/upload/route.ts': EVERYONE(405),
  '(app)/import/jobs/[jobId]/route.ts': { ...PAGE(['lead', 'cso']), signedOut: 401, csoPending: 401, lead: 404, cso: 404 },
  '(app)/import/jobs/[jobId]/errors/route.ts': { ...PAGE(['lead', 'cso']), signedOut: 401, csoPending: 401, lead: 404, cso: 404 },
  // The API reference and the OpenAPI document describe the API, never data: public.
  'api-docs/page.tsx': EVERYONE(200),
  'api/v1/openapi.json/route.ts': EVERYONE(200),
  // REST API v1 takes API tokens only (Authorization: Bearer); a session cookie is not one.
  // Token roles are tested against every endpoint in tests/integration/api-v1.test.ts.
  'api/v1/candidates/route.ts': EVERYONE(405),
  'api/v1/candidates/batch/route.ts': EVERYONE(405),
  'api/v1/jobs/[jobId]/route.ts': EVERYONE(401),
  'api/v1/clearance/route.ts': EVERYONE(401),
  'api/v1/cases/route.ts': EVERYONE(401),
  'api/v1/cases/[reference]/route.ts': EVERYONE(401),
  'api/v1/watchlist/route.ts': EVERYONE(401),
  // Auth.js's own endpoints (csrf, session, callbacks): exercised by every sign-in here.
  'api/auth/[...nextauth]/route.ts': 'skip',
};

function routeFiles(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return routeFiles(path.join(dir, entry.name), relative);
    return /^(page|route)\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

/** The URL a route file answers, with dynamic segments filled by seeded values. */
function urlOf(file: string): string {
  const segments = path
    .dirname(file)
    .split('/')
    .filter((s) => s !== '.' && !/^\(.*\)$/.test(s))
    .map((s) => (s === '[reference]' ? seededCase(0).reference : s === '[id]' || s === '[networkId]' ? MISSING_ID : s));
  return `/${segments.join('/')}`;
}

/** An id no row has: dynamic [id] and [networkId] segments are probed with it. */
const MISSING_ID = '00000000-0000-4000-8000-000000000000';

const HOME: Record<Exclude<Visitor, 'signedOut' | 'csoPending'>, string> = { recruiter: '/clearance', lead: '/cases', cso: '/cases', exec: '/trends', admin: '/admin' };
const routes = routeFiles(path.join(process.cwd(), 'app'));

test('every route file has an expected outcome for every visitor', () => {
  const missing = routes.filter((file) => !(file in EXPECTED));
  expect(missing, 'routes without an entry in EXPECTED (decide who may see them)').toEqual([]);
  const stale = Object.keys(EXPECTED).filter((file) => !routes.includes(file));
  expect(stale, 'entries for routes that no longer exist').toEqual([]);
});

for (const visitor of VISITORS) {
  test(`access matrix as ${visitor}`, async ({ baseURL, browser }) => {
    // Some 40 routes, each fetched twice with leak checks over the body: more than the default minute on a busy machine.
    test.setTimeout(300_000);
    // A cso or admin passes the code step in a browser (it is a server action); the browser
    // context's request API then shares its cookies.
    let browserContext: BrowserContext | null = null;
    let context: APIRequestContext;
    if (SECOND_FACTOR_USERS.includes(visitor as DemoUser)) {
      browserContext = await browser.newContext({ baseURL });
      await signIn(await browserContext.newPage(), visitor as DemoUser);
      context = browserContext.request;
    } else {
      context = await playwrightRequest.newContext({ baseURL });
      if (visitor === 'csoPending') await signInRequest(context, 'cso');
      else if (visitor !== 'signedOut') await signInRequest(context, visitor as DemoUser);
    }
    if (visitor === 'csoPending') {
      // Half signed in: the session names nobody's role.
      const session = (await (await context.get('/api/auth/session')).json()) as { user?: { role?: string }; mfaPending?: boolean };
      expect(session.mfaPending).toBe(true);
      expect(session.user?.role).toBeUndefined();
    }
    const { names, emails } = seededCandidateData();
    for (const file of routes) {
      const expected = EXPECTED[file];
      if (!expected || expected === 'skip') continue;
      const url = urlOf(file);
      const outcome = expected[visitor];
      const response = await context.get(url, { maxRedirects: 0 });
      const where = `${visitor} GET ${url}`;
      if (outcome === 'login') {
        expect([302, 303, 307], where).toContain(response.status());
        expect(response.headers().location ?? '', where).toContain('/login');
      } else if (outcome === 'code') {
        expect([302, 303, 307], where).toContain(response.status());
        expect(new URL(response.headers().location ?? '', baseURL).pathname, where).toBe(SECOND_FACTOR_PATH);
      } else if (outcome === 'home') {
        expect([302, 303, 307], where).toContain(response.status());
        expect(new URL(response.headers().location ?? '', baseURL).pathname, where).toBe(HOME[visitor as keyof typeof HOME]);
      } else {
        expect(response.status(), where).toBe(outcome);
      }
      // An executive or recruiter never receives a personal identifier or a reason: not in
      // the HTML, and not in the RSC payload a client navigation fetches.
      if (visitor === 'exec' || visitor === 'recruiter' || visitor === 'csoPending' || outcome === 403) {
        const rsc = await context.get(url, { maxRedirects: 0, headers: { RSC: '1' } });
        const bodies = [await response.text(), await rsc.text()];
        const visibleToRecruiter = visitor === 'recruiter' && url === '/clearance';
        for (const body of bodies) {
          for (const email of emails) expect(body.includes(email), `${where} leaks ${email}`).toBe(false);
          if (!visibleToRecruiter) for (const name of names) expect(body.includes(name), `${where} leaks ${name}`).toBe(false);
          expect(body, `${where} leaks a rationale`).not.toMatch(/rationale|Escalated case HW-/i);
        }
      }
    }
    if (browserContext) await browserContext.close();
    else await context.dispose();
  });
}
