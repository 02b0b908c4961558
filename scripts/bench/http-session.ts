// A signed-in HTTP client for the benchmark: a cookie jar, Auth.js credentials sign-in (the
// same calls as e2e/fixtures.ts signInRequest) and server-action calls encoded the way
// React's client encodes them (encodeReply), so the server runs its real action path.
import { createRequire } from 'node:module';

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

  async signIn(email: string, password: string): Promise<void> {
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
    const session = JSON.parse((await this.request('/api/auth/session')).body) as { user?: { email?: string } } | null;
    if (session?.user?.email !== email) throw new Error(`No session for ${email} after sign-in.`);
  }

  /** Calls a useActionState server action as the browser does: (previous state, form data). */
  async action(pagePath: string, actionId: string, fields: Record<string, string>): Promise<{ status: number; body: string }> {
    const formData = new FormData();
    for (const [key, value] of Object.entries(fields)) formData.set(key, value);
    const body = await encodeReply([{ status: 'idle' }, formData]);
    return this.request(pagePath, {
      method: 'POST',
      body,
      headers: { accept: 'text/x-component', 'next-action': actionId, origin: this.base },
    });
  }
}
