// Response headers that do not change per request (next.config.ts `headers()`), the
// Strict-Transport-Security value proxy.ts adds when the request came over HTTPS, and the
// HIREWATCH_ALLOWED_ORIGINS parser that feeds Server Actions' allowedOrigins. Imported by
// next.config.ts, so this file must stay free of `@/` imports and of anything server-only.

export interface HeaderEntry {
  key: string;
  value: string;
}

/**
 * Features nobody in a security dashboard needs: denied to the page and to any frame. Only
 * names Chromium recognises (an unknown one logs an error in the console on every page).
 */
export const PERMISSIONS_POLICY_FEATURES = [
  'accelerometer',
  'autoplay',
  'browsing-topics',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
] as const;

export const PERMISSIONS_POLICY = PERMISSIONS_POLICY_FEATURES.map((feature) => `${feature}=()`).join(', ');

/** Two years, subdomains included; no `preload` (a commitment to make per domain, by hand). */
export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000; includeSubDomains';

/** Sent on every response, static files included. The CSP itself is per request (proxy.ts). */
export function staticSecurityHeaders(): HeaderEntry[] {
  return [
    // Browsers must not guess a type: an uploaded CSV or a JSON answer is never run as script.
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    // Full URL to our own pages, only the origin to other sites (over HTTPS), never a case
    // reference in a path or query. Not `no-referrer`: with it browsers send `Origin: null` on
    // form POSTs, and Next.js would refuse a form submitted before hydration as cross-site.
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'Permissions-Policy', value: PERMISSIONS_POLICY },
    // Legacy twin of CSP frame-ancestors 'none', for browsers without CSP level 2.
    { key: 'X-Frame-Options', value: 'DENY' },
    // A window we open, or that opens us, gets no handle on this one (window.opener is null).
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    // Other sites cannot embed our responses (images, JSON) as no-cors subresources.
    { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
  ];
}

/**
 * Whether the browser reached us over HTTPS. Behind a TLS-terminating reverse proxy the
 * request Next.js sees is plain HTTP, and the proxy says so in X-Forwarded-Proto (first value
 * when proxies chain). A client can forge that header, but only for its own response: it can
 * make us send HSTS over HTTP (which browsers ignore) or withhold it from itself.
 */
export function isHttpsRequest(url: string | URL, forwardedProto: string | null | undefined): boolean {
  const proto = forwardedProto?.split(',')[0]?.trim().toLowerCase();
  if (proto) return proto === 'https';
  return new URL(url).protocol === 'https:';
}

const HOST_PATTERN = /^(?:\*{1,2}\.)?(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?::\d{1,5})?$/;
const IPV6_PATTERN = /^\[[0-9a-f:.]+\](?::\d{1,5})?$/;

/**
 * HIREWATCH_ALLOWED_ORIGINS, comma separated, as Next.js's `serverActions.allowedOrigins`: the
 * hosts (host[:port], `*.` or `**.` wildcards) a browser may show while posting a Server
 * Action, when a reverse proxy does not pass that host on in X-Forwarded-Host. A scheme or a
 * path is dropped (`https://hw.example.com/` → `hw.example.com`), since Next.js compares
 * hosts only. A malformed entry throws, so a typo fails the start instead of every action.
 */
export function parseAllowedOrigins(raw: string | undefined): string[] {
  if (!raw?.trim()) return [];
  const hosts = raw
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean)
    .map((entry) => {
      const host = entry.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/\/.*$/, '');
      if (!HOST_PATTERN.test(host) && !IPV6_PATTERN.test(host)) {
        throw new Error(`HIREWATCH_ALLOWED_ORIGINS: "${entry}" is not a host (host, host:port, *.domain or **.domain)`);
      }
      return host;
    });
  return [...new Set(hosts)];
}
