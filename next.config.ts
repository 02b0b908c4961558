import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // PGlite ships a WASM build of PostgreSQL and argon2 a native addon: both must be
  // loaded by Node at run time, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'pg'],
  // forbidden() from next/navigation renders app/forbidden.tsx with HTTP 403.
  experimental: { authInterrupts: true },
  poweredByHeader: false,
};

export default nextConfig;
