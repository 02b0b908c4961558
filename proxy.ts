// Next.js 16 Proxy (formerly middleware.ts): browser hardening only. It gives every request a
// fresh CSP nonce and, over HTTPS, Strict-Transport-Security. It is deliberately not an access
// check: pages, Server Actions and route handlers each check the signed-in user and their
// permission (lib/auth), because a proxy matcher can miss a path and Server Actions post to
// whatever page they sit on. The static headers (nosniff, Referrer-Policy, …) are in
// next.config.ts; docs/security-headers.md explains them all.
import { NextResponse, type NextRequest } from 'next/server';
import { buildContentSecurityPolicy, generateNonce } from '@/lib/security/csp';
import { isHttpsRequest, STRICT_TRANSPORT_SECURITY } from '@/lib/security/headers';

export function proxy(request: NextRequest) {
  const nonce = generateNonce();
  const https = isHttpsRequest(request.url, request.headers.get('x-forwarded-proto'));
  const policy = buildContentSecurityPolicy({ nonce, isDev: process.env.NODE_ENV === 'development', https });

  // Next.js reads the nonce from the *request's* Content-Security-Policy while rendering and
  // stamps it on the scripts it emits; x-nonce is for our own code (headers().get('x-nonce')),
  // e.g. a next/script. Both overwrite anything the client sent under those names.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', policy);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  if (https) response.headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  // Everything but build assets, optimised images, the favicon and image files: pages, Server
  // Action POSTs, RSC navigations and /api. The matcher must be a literal (Next.js reads it at
  // build time).
  matcher: ['/((?!_next/static|_next/image|favicon\\.ico|.*\\.(?:png|jpe?g|gif|svg|webp|avif|ico)$).*)'],
};
