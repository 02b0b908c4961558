// A signed-in HTTP client for the benchmark: a cookie jar, Auth.js credentials sign-in (the
// same calls as e2e/fixtures.ts signInRequest) and server-action calls encoded the way
// React's client encodes them (encodeReply), so the server runs its real action path.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { totpCode } from '@/lib/auth/mfa/totp';
import { DEMO_TOTP_SECRET } from '@/lib/db/seed/demo-users';

const require = createRequire(import.meta.url);
const { encodeReply } = require('next/dist/compiled/react-server-dom-turbopack/client.node') as {
  encodeReply: (value: unknown) => Promise<FormData | string>;
};

export class HttpSession {
  private cookies = new Map<string, string>();

  constructor(readonly base: string) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }

  async request(path: string, init: RequestInit = {}): Promise<{ status: number; body: string; headers: Headers }> {
    const response = await fetch(this.base + path, {
      ...init,
      redirect: 'manual',
      headers: { cookie: this.cookieHeader(), ...(init.headers as Record<string, string> | undefined) },
    });
    this.keep(response);
    // The whole body: a streamed page is done when its last Suspense boundary arrived.
    const body = await response.text();
    return { status: response.status, body, headers: response.headers };
  }

  /** Password sign-in; a cso or admin then passes the code step with `totpSecret` (default: the demo secret). */
  async signIn(email: string, password: string, totpSecret?: string): Promise<void> {
    const { body } = await this.request('/api/auth/csrf');
    const { csrfToken } = JSON.parse(body) as { csrfToken: string };
    const form = new URLSearchParams({ csrfToken, email, password, callbackUrl: '/' });
    const callback = await this.request('/api/auth/callback/credentials', {
      method: 'POST',
      body: form,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const location = callback.headers.get('location') ?? '';
    if (callback.status < 300 || callback.status >= 400 || location.includes('error=')) throw new Error(`Sign-in as ${email} failed (${callback.status} ${location}).`);
    const session = JSON.parse((await this.request('/api/auth/session')).body) as { user?: { email?: string }; mfaPending?: boolean } | null;
    if (session?.mfaPending) return this.passSecondFactor(email, totpSecret);
    if (session?.user?.email !== email) throw new Error(`No session for ${email} after sign-in.`);
  }

  /**
   * The code step of a cso or admin (lib/auth/mfa): a TOTP code of the account's secret
   * (default: the public demo secret the demo seed enrolls them with), posted to the step's
   * server action. A code is accepted once per account and time step, so a refused one (that
   * step already used by an earlier sign-in) is retried with the next step's code.
   */
  async passSecondFactor(email: string, secret = DEMO_TOTP_SECRET): Promise<void> {
    const action = serverActionId('lib/auth/mfa/actions', 'verifySecondFactorAction');
    for (let attempt = 0; attempt < 3; attempt++) {
      const step = Math.floor(Date.now() / 30_000) + attempt;
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.max(0, step * 30_000 - Date.now() + 500)));
      await this.action('/login/second-factor', action, { code: totpCode(secret, new Date()) });
      const session = JSON.parse((await this.request('/api/auth/session')).body) as { user?: { email?: string; role?: string } } | null;
      if (session?.user?.email === email && session.user.role) return;
    }
    throw new Error(`The code step refused ${email}.`);
  }

  /** Calls a useActionState server action as the browser does: (previous state, form data). */
  async action(pagePath: string, actionId: string, fields: Record<string, string>, init: Pick<RequestInit, 'signal'> = {}): Promise<{ status: number; body: string }> {
    const formData = new FormData();
    for (const [key, value] of Object.entries(fields)) formData.set(key, value);
    const body = await encodeReply([{ status: 'idle' }, formData]);
    return this.request(pagePath, {
      ...init,
      method: 'POST',
      body,
      headers: { accept: 'text/x-component', 'next-action': actionId, origin: this.base },
    });
  }
}

/** The id of a server action exported as `name` from `file`, from the production build's manifest. */
export function serverActionId(file: string, name: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(process.cwd(), '.next/server/server-reference-manifest.json'), 'utf8')) as { node: Record<string, { exportedName?: string; filename?: string }> };
  for (const [id, entry] of Object.entries(manifest.node)) if (entry.exportedName === name && (!entry.filename || entry.filename.includes(file))) return id;
  throw new Error(`Server action ${name} of ${file} is not in the build manifest.`);
}
