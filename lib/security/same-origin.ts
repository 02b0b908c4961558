// The Origin check of route handlers that a signed-in browser posts to (the import upload),
// by the rule Next.js applies to Server Actions, so that both work behind the same proxy: the
// Origin's host must be the host the browser showed (X-Forwarded-Host, else Host) or one of
// HIREWATCH_ALLOWED_ORIGINS (the same list next.config.ts gives Server Actions, matched by
// Next.js's own function). A missing Origin, one of another host, and one that is not a URL
// at all ("null", sent from sandboxed frames and some redirects) are all refused the same way,
// never left to throw.
import { isCsrfOriginAllowed } from 'next/dist/server/app-render/csrf-protection';
import { parseAllowedOrigins } from './headers';

export function isSameOriginPost(request: Request, allowedOrigins = parseAllowedOrigins(process.env.HIREWATCH_ALLOWED_ORIGINS)): boolean {
  const origin = request.headers.get('origin');
  if (!origin || !URL.canParse(origin)) return false;
  const originHost = new URL(origin).host;
  const shownHost = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() || request.headers.get('host');
  return originHost === shownHost || isCsrfOriginAllowed(originHost, allowedOrigins);
}
