// Browser hardening: every page carries a nonce-based Content-Security-Policy that changes per
// request, the static hardening headers (next.config.ts), HSTS only behind HTTPS; Next.js
// stamps the nonce on its scripts, so people can sign in, browse cases and read the trends
// without a single CSP violation; the session cookie is HttpOnly and SameSite; and a Server
// Action posted from another origin is refused (Next.js's Origin check).
import type { APIResponse, Page } from '@playwright/test';
import { expect, signIn, signInRequest, test } from './fixtures';

function nonceOf(response: APIResponse): string {
  const policy = response.headers()['content-security-policy'] ?? '';
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];
  expect(nonce, `a nonce in "${policy}"`).toBeTruthy();
  return nonce!;
}

/** The CSP directive `name` of a response, e.g. "frame-ancestors 'none'". */
function directive(response: APIResponse, name: string): string | undefined {
  return (response.headers()['content-security-policy'] ?? '')
    .split(';')
    .map((part) => part.trim())
    .find((part) => part === name || part.startsWith(`${name} `));
}

function expectHardened(response: APIResponse, path: string): void {
  expect(response.status(), `GET ${path}`).toBe(200);
  const headers = response.headers();
  expect(directive(response, 'default-src')).toBe("default-src 'self'");
  expect(directive(response, 'script-src')).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'$/);
  expect(directive(response, 'style-src')).toBe("style-src 'self' 'unsafe-inline'");
  expect(directive(response, 'object-src')).toBe("object-src 'none'");
  expect(directive(response, 'base-uri')).toBe("base-uri 'self'");
  expect(directive(response, 'form-action')).toBe("form-action 'self'");
  expect(directive(response, 'frame-ancestors')).toBe("frame-ancestors 'none'");
  // Plain HTTP here: no upgrade (it would break the page) and no HSTS (browsers ignore it).
  expect(directive(response, 'upgrade-insecure-requests')).toBeUndefined();
  expect(headers['strict-transport-security']).toBeUndefined();
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) {
    expect(headers['permissions-policy']).toContain(`${feature}=()`);
  }
  expect(headers['x-powered-by']).toBeUndefined();
}

/** Every <script> tag of the server's HTML carries this response's nonce. */
function expectScriptsCarry(html: string, nonce: string, path: string): void {
  const tags = html.match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length, `${path} has scripts`).toBeGreaterThan(0);
  expect(tags.some((tag) => !/\bsrc=/.test(tag)), `${path} has inline scripts`).toBe(true);
  for (const tag of tags) expect(tag, `a script of ${path}`).toContain(`nonce="${nonce}"`);
}

test('pages carry a fresh nonce-based CSP and the hardening headers', async ({ request }) => {
  const check = async (path: string) => {
    const first = await request.get(path, { maxRedirects: 0 });
    const second = await request.get(path, { maxRedirects: 0 });
    expectHardened(first, path);
    expectHardened(second, path);
    const nonce = nonceOf(first);
    expect(nonceOf(second), `${path}: a new nonce for every request`).not.toBe(nonce);
    expectScriptsCarry(await first.text(), nonce, path);
    expectScriptsCarry(await second.text(), nonceOf(second), path);
  };
  await check('/login');
  await signInRequest(request, 'lead');
  await check('/cases');

  // Static files get the static headers (not the CSP, which only documents need).
  const html = await (await request.get('/cases')).text();
  const asset = html.match(/\/_next\/static\/[^"']+\.js/)?.[0];
  expect(asset, 'the page links a script under /_next/static').toBeTruthy();
  const script = await request.get(asset!);
  expect(script.status()).toBe(200);
  expect(script.headers()['x-content-type-options']).toBe('nosniff');

  // API answers are covered too.
  const health = await request.get('/api/health');
  expect(health.headers()['x-content-type-options']).toBe('nosniff');
  expect(health.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
});

test('behind a TLS-terminating proxy the answer adds HSTS and upgrade-insecure-requests', async ({ request }) => {
  const response = await request.get('/login', { headers: { 'x-forwarded-proto': 'https' } });
  expect(response.status()).toBe(200);
  expect(response.headers()['strict-transport-security']).toBe('max-age=63072000; includeSubDomains');
  expect(directive(response, 'upgrade-insecure-requests')).toBe('upgrade-insecure-requests');
});

/** Collects CSP violations (console messages and securitypolicyviolation events) and Permissions-Policy errors. */
function watchPolicyErrors(page: Page): () => Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (message) => {
    const text = message.text();
    if (/Content[- ]Security[- ]Policy|Permissions-Policy/i.test(text)) problems.push(`console ${message.type()}: ${text}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  void page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  return async () => {
    const events = await page
      .evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])
      .catch(() => [] as string[]);
    return [...problems, ...events.map((event) => `securitypolicyviolation: ${event}`)];
  };
}

/** In the live page: every inline script kept the nonce of the document's CSP (the IDL property survives nonce hiding). */
async function expectInlineScriptsNonced(page: Page): Promise<void> {
  const { nonces, inline } = await page.evaluate(() => {
    const scripts = [...document.querySelectorAll('script')];
    return { nonces: [...new Set(scripts.filter((s) => !s.src).map((s) => s.nonce))], inline: scripts.filter((s) => !s.src).length };
  });
  expect(inline).toBeGreaterThan(0);
  expect(nonces).toHaveLength(1);
  expect(nonces[0]).toMatch(/^[A-Za-z0-9+/]{16,}={0,2}$/);
}

test('a lead signs in and works through cases without a CSP violation', async ({ page }) => {
  const problems = watchPolicyErrors(page);
  await signIn(page, 'lead');
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
  await expectInlineScriptsNonced(page);

  // Client-side navigation into a case file (a next/link, so the page hydrated and runs).
  const link = page.getByRole('table').getByRole('link', { name: /^HW-\d{4}-\d{4,}$/ }).first();
  const reference = (await link.textContent())!;
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/cases/${reference}$`));
  await expect(page.getByText(reference, { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Risk score/ })).toBeVisible();
  await page.waitForLoadState('networkidle');

  // A full load of the case file, then back to the list through the sidebar.
  await page.reload();
  await expect(page.getByRole('heading', { name: /^Risk score/ })).toBeVisible();
  await expectInlineScriptsNonced(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
  await expect(page).toHaveURL(/\/cases$/);
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');

  expect(await problems(), 'CSP or Permissions-Policy problems').toEqual([]);
});

test('an executive reads the trends charts without a CSP violation', async ({ page }) => {
  const problems = watchPolicyErrors(page);
  await signIn(page, 'exec');
  await expect(page.getByRole('heading', { name: 'Trends', level: 1 })).toBeVisible();
  // recharts draws SVG with inline style attributes: style-src 'unsafe-inline' lets it.
  await expect(page.locator('section.trend-card svg.recharts-surface').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expectInlineScriptsNonced(page);
  expect(await problems(), 'CSP or Permissions-Policy problems').toEqual([]);
});

test('the 404 page is rendered per request, so its scripts carry the nonce', async ({ page, request }) => {
  // A page prerendered at build time has no request and so no nonce: the CSP would block all
  // of its scripts. Every page, the not-found page included, must render on demand.
  const response = await request.get('/no-such-page');
  expect(response.status()).toBe(404);
  expect(directive(response, 'frame-ancestors')).toBe("frame-ancestors 'none'");
  expectScriptsCarry(await response.text(), nonceOf(response), '/no-such-page');

  const problems = watchPolicyErrors(page);
  expect((await page.goto('/no-such-page'))?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: /404/ })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(await problems(), 'CSP or Permissions-Policy problems').toEqual([]);
});

test('the session cookie is HttpOnly and SameSite', async ({ page }) => {
  await signIn(page, 'cso');
  const cookies = await page.context().cookies();
  const session = cookies.find((cookie) => /(^|\.)authjs\.session-token$/.test(cookie.name));
  expect(session, `a session cookie among ${cookies.map((c) => c.name).join(', ')}`).toBeTruthy();
  expect(session!.httpOnly).toBe(true);
  expect(['Lax', 'Strict']).toContain(session!.sameSite);
  expect(await page.evaluate(() => document.cookie)).not.toContain('session-token');
});

test('a Server Action posted from another origin is refused', async ({ page, playwright, baseURL }) => {
  // Capture the sign-in form's real Server Action request, to replay it with other origins.
  await page.goto('/login');
  await page.getByLabel('Email', { exact: true }).fill('recruiter2@hirewatch.test');
  await page.getByLabel('Password', { exact: true }).fill(process.env.HIREWATCH_DEMO_PASSWORD || 'hirewatch-demo');
  const [action] = await Promise.all([
    page.waitForRequest((req) => req.method() === 'POST' && 'next-action' in req.headers()),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
  await expect(page).toHaveURL(/\/clearance$/);
  const headers = await action.allHeaders();
  const body = action.postDataBuffer()!;
  const replayHeaders = Object.fromEntries(
    Object.entries(headers).filter(([name]) => ['next-action', 'content-type', 'accept', 'next-router-state-tree'].includes(name)),
  );

  const replay = async (extra: Record<string, string>) => {
    const context = await playwright.request.newContext({ baseURL });
    try {
      const response = await context.post('/login', { headers: { ...replayHeaders, ...extra }, data: body, maxRedirects: 0 });
      const setCookie = response.headersArray().filter((h) => h.name.toLowerCase() === 'set-cookie').map((h) => h.value).join('\n');
      return { status: response.status(), signedIn: /authjs\.session-token=[^;]+/.test(setCookie) };
    } finally {
      await context.dispose();
    }
  };

  const host = new URL(baseURL!).host;
  // The replay itself is sound: from the app's own origin it signs in.
  expect(await replay({ origin: `http://${host}` })).toMatchObject({ signedIn: true });
  // A reverse proxy that passes the public host on in X-Forwarded-Host needs no configuration.
  expect(await replay({ origin: 'https://hirewatch.example.com', 'x-forwarded-host': 'hirewatch.example.com' })).toMatchObject({
    signedIn: true,
  });
  // From any other origin Next.js aborts the action before it runs.
  const forged = await replay({ origin: 'https://evil.example' });
  expect(forged.signedIn).toBe(false);
  expect(forged.status).toBe(500);
});
