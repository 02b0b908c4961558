import type { NextConfig } from 'next';
import { serverActionBodyLimit } from './lib/evidence/limits';
import { parseAllowedOrigins, staticSecurityHeaders } from './lib/security/headers';

// Server Actions refuse a POST whose Origin host differs from the request's X-Forwarded-Host
// (or Host): Next.js's CSRF check, on by default. Behind a reverse proxy that forwards its own
// upstream host instead of the public one, list the public host(s) here, comma separated:
// HIREWATCH_ALLOWED_ORIGINS=hirewatch.example.com (see docs/security-headers.md). Read where
// this file is evaluated: at `next build` and again at `next start`.
const allowedOrigins = parseAllowedOrigins(process.env.HIREWATCH_ALLOWED_ORIGINS);

const nextConfig: NextConfig = {
  // PGlite ships a WASM build of PostgreSQL and argon2 a native addon: both must be
  // loaded by Node at run time, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'pg'],
  experimental: {
    // forbidden() from next/navigation renders app/forbidden.tsx with HTTP 403.
    authInterrupts: true,
    serverActions: {
      // Evidence uploads are Server Action posts: the body may hold one file of up to
      // HIREWATCH_EVIDENCE_MAX_BYTES (default 10 MiB; Next.js's own default is 1 MB). The
      // upload step checks the file's size again against the same figure. Watchlist imports
      // (up to 5 MB) fit within it.
      bodySizeLimit: serverActionBodyLimit(),
      ...(allowedOrigins.length > 0 ? { allowedOrigins } : {}),
    },
  },
  poweredByHeader: false,
  // Headers that are the same on every response, static files included. The per-request
  // Content-Security-Policy (with its nonce) and, over HTTPS, Strict-Transport-Security are
  // set by proxy.ts.
  async headers() {
    return [{ source: '/:path*', headers: staticSecurityHeaders() }];
  },
};

export default nextConfig;
