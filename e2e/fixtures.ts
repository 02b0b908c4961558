// Shared fixtures of the end-to-end specs: sign-in by role (through the form, or through the
// Auth.js credentials API when the sign-in itself is not what a spec is about), values that
// are unique per test so specs never collide with each other or with the demo seed, and the
// demo users and seeded cases the specs refer to.
//
// cso, cso2 and admin sign in in two steps: the password, then a TOTP code of the public demo
// secret the demo seed enrolled them with (lib/db/seed/demo-users.ts), computed here. The
// server accepts each time step once per account, so the fixtures remember the steps they used
// and take the next free one (the server's ±1-step window allows the next), waiting for the
// clock when both are spent.
import { test as base, expect, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { totpCode, TOTP_PERIOD_SECONDS } from '../lib/auth/mfa/totp';
import { demoCases } from '../lib/db/seed/demo-cases';
import { DEMO_TOTP_SECRET } from '../lib/db/seed/demo-users';

export { expect };

export const DEMO_PASSWORD = process.env.HIREWATCH_DEMO_PASSWORD || 'hirewatch-demo';

/** The demo users by the local part of their email (lib/db/seed/demo-users.ts). */
export const ROLES = {
  admin: { email: 'admin@hirewatch.test', home: '/admin' },
  cso: { email: 'cso@hirewatch.test', home: '/cases' },
  cso2: { email: 'cso2@hirewatch.test', home: '/cases' },
  lead: { email: 'lead@hirewatch.test', home: '/cases' },
  lead2: { email: 'lead2@hirewatch.test', home: '/cases' },
  exec: { email: 'exec@hirewatch.test', home: '/trends' },
  recruiter: { email: 'recruiter@hirewatch.test', home: '/clearance' },
  recruiter2: { email: 'recruiter2@hirewatch.test', home: '/clearance' },
} as const;
export type DemoUser = keyof typeof ROLES;

/** The demo users whose role needs a second factor (lib/auth/mfa/policy.ts). */
export const SECOND_FACTOR_USERS: readonly DemoUser[] = ['admin', 'cso', 'cso2'];
export const SECOND_FACTOR_PATH = '/login/second-factor';

const usedSteps = new Map<string, number>();
const STEP_MS = TOTP_PERIOD_SECONDS * 1000;

/**
 * A code of `secret` for a time step this account has not used yet in this run: the previous
 * step while the current one is young (the server still accepts it), the current one, or the
 * next one; when all are used it waits for the clock to move on.
 */
export async function freshCode(secret: string, account: string): Promise<string> {
  for (;;) {
    const now = Date.now();
    const current = Math.floor(now / STEP_MS);
    const earliest = now - current * STEP_MS < STEP_MS / 3 ? current - 1 : current;
    const step = Math.max(earliest, (usedSteps.get(account) ?? -1) + 1);
    if (step <= current + 1) {
      usedSteps.set(account, step);
      return totpCode(secret, new Date(step * STEP_MS + 1000));
    }
    await new Promise((resolve) => setTimeout(resolve, (current + 1) * STEP_MS - now + 200));
  }
}

/**
 * The code step, on /login/second-factor, with codes of `secret` (default: the demo secret).
 * A refused code (a step used by an earlier run of this worker) is retried with the next one.
 */
export async function passCodeStep(page: Page, account: string, secret: string = DEMO_TOTP_SECRET): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`${SECOND_FACTOR_PATH}$`));
  for (let attempt = 1; ; attempt += 1) {
    await page.getByLabel('Authentication code', { exact: true }).fill(await freshCode(secret, account));
    await page.getByRole('button', { name: 'Verify' }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'not accepted' });
    // Whichever comes first: the way in, or the refusal (the loser's timeout is swallowed).
    await Promise.race([page.waitForURL((url) => url.pathname !== SECOND_FACTOR_PATH).catch(() => undefined), refused.waitFor().catch(() => undefined)]);
    if (new URL(page.url()).pathname !== SECOND_FACTOR_PATH) return;
    await expect(refused).toBeVisible();
    if (attempt === 2) throw new Error(`the code step refused two fresh codes for ${account}`);
  }
}

/** Signs in through the /login form (and the code step), as a person would, and waits for the role's home page. */
export async function signIn(page: Page, user: DemoUser): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email', { exact: true }).fill(ROLES[user].email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (SECOND_FACTOR_USERS.includes(user)) await passCodeStep(page, ROLES[user].email);
  await expect(page).toHaveURL(new RegExp(`${ROLES[user].home}$`));
}

/**
 * Signs in through Auth.js's credentials endpoint. `page.request` shares the browser
 * context's cookie jar, so the page is signed in afterwards without rendering /login; a cso or
 * admin then passes the code step on its page (a server action needs the form).
 */
export async function signInViaApi(page: Page, user: DemoUser): Promise<void> {
  await signInRequest(page.request, user);
  if (!SECOND_FACTOR_USERS.includes(user)) return;
  await page.goto(SECOND_FACTOR_PATH);
  await passCodeStep(page, ROLES[user].email);
}

/**
 * The password step through Auth.js's credentials endpoint. For a cso or admin this leaves the
 * session half signed in (it authorizes nothing until the code step).
 */
export async function signInRequest(request: APIRequestContext, user: DemoUser): Promise<void> {
  const csrf = await request.get('/api/auth/csrf');
  expect(csrf.ok()).toBeTruthy();
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const callback = await request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email: ROLES[user].email, password: DEMO_PASSWORD, callbackUrl: '/' },
    maxRedirects: 0,
  });
  expect(callback.status(), 'the credentials callback redirects').toBeGreaterThanOrEqual(300);
  expect(callback.headers().location ?? '', 'a refused sign-in redirects with ?error=').not.toContain('error=');
  const session = await request.get('/api/auth/session');
  const body = (await session.json()) as { user?: { email?: string } } | null;
  expect(body?.user?.email).toBe(ROLES[user].email);
}

/** A fresh browser context (its own cookies) signed in as `user`, with one page open. */
export async function pageAs(browser: Browser, user: DemoUser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInViaApi(page, user);
  return page;
}

let counter = 0;

/**
 * A token unique to this test run and call: time, a counter and randomness, in lower-case
 * letters only, so it fits names as well as emails (a digit in a name would read oddly).
 */
export function uniqueToken(): string {
  counter += 1;
  const n = BigInt(Date.now()) * 1_000_000n + BigInt(counter * 1000 + Math.floor(Math.random() * 1000));
  let token = '';
  for (let rest = n; rest > 0n; rest /= 26n) token = String.fromCharCode(97 + Number(rest % 26n)) + token;
  return token;
}

export interface Candidate {
  claimedName: string;
  resumeName: string;
  jobRole: string;
  /** Option value of the region select. */
  region: 'NA' | 'EU' | 'UK' | 'APAC' | 'LATAM' | 'MEA';
  /** Option value of the source select. */
  source: 'referral' | 'job_board' | 'agency' | 'direct' | 'ats_import';
  email: string;
  phone?: string;
  linkedin?: string;
}

function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** A candidate no other test and no seeded case shares a name or an email with. */
export function uniqueCandidate(overrides: Partial<Candidate> = {}): Candidate {
  const token = uniqueToken();
  const name = `Testa ${capitalized(token)}`;
  return {
    claimedName: name,
    resumeName: name,
    jobRole: `QA Engineer ${capitalized(uniqueToken())}`,
    region: 'APAC',
    source: 'agency',
    email: `e2e.${token}@example.org`,
    ...overrides,
  };
}

/** The reference and contact details of a seeded demo case, by its index in the seed plan. */
export function seededCase(index: number): { reference: string; claimedName: string; email: string } {
  const plan = demoCases()[index];
  // The seed back-dates each submission by plan.daysAgo from the start of today (UTC), and a
  // reference carries the year it was submitted in; the sequence follows the seed order.
  const now = new Date();
  const startOfToday = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const year = new Date(startOfToday - plan.daysAgo * 24 * 60 * 60 * 1000).getUTCFullYear();
  return { reference: `HW-${year}-${String(index + 1).padStart(4, '0')}`, claimedName: plan.claimedName, email: plan.email };
}

/** Every seeded candidate's name and email: what must never reach a page without case access. */
export function seededCandidateData(): { names: string[]; emails: string[] } {
  const plans = demoCases();
  return { names: [...new Set(plans.map((p) => p.claimedName))], emails: plans.map((p) => p.email) };
}

/**
 * `as(user)` opens a page in its own browser context, signed in as that demo user; the
 * contexts close when the test ends. For journeys that pass a case from one role to another.
 */
export const test = base.extend<{ as: (user: DemoUser) => Promise<Page> }>({
  as: async ({ browser }, use) => {
    const pages: Page[] = [];
    await use(async (user) => {
      const page = await pageAs(browser, user);
      pages.push(page);
      return page;
    });
    for (const page of pages) await page.context().close();
  },
});
