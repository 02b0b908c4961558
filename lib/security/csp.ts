// Content-Security-Policy for Hirewatch: a nonce-based ("strict") policy built per request by
// proxy.ts. Pure functions only, so the policy is unit-tested without a server.
//
// How the nonce reaches the page (Next.js 16, App Router): proxy.ts puts this policy on the
// *request* headers it forwards; while rendering, Next.js parses the request's
// Content-Security-Policy, takes the value of 'nonce-…' and adds nonce="…" to every script it
// emits (framework and page chunks, the inline RSC payload scripts, React's streaming
// scripts). The same policy goes on the response for the browser to enforce. This only works
// for dynamically rendered pages: a page prerendered at build time has no request, so its
// scripts carry no nonce (see docs/security-headers.md).

export interface CspOptions {
  /** Per-request nonce, base64 (see generateNonce). */
  nonce: string;
  /** `next dev`: React uses eval() there to rebuild server error stacks in the browser. */
  isDev: boolean;
  /** The browser reached us over HTTPS (directly or through a TLS-terminating proxy). */
  https: boolean;
}

/** A nonce is base64: it must not be able to close the quoted source expression or the header. */
const NONCE_PATTERN = /^[A-Za-z0-9+/]{16,}={0,2}$/;

/**
 * 128 bits of randomness (a v4 UUID has 122 random bits) from the platform's CSPRNG, as
 * base64, fresh for every request. Works in the Node.js and the edge runtime alike.
 */
export function generateNonce(): string {
  return btoa(crypto.randomUUID());
}

/** The directives, in order; a value of `true` is a directive without sources. */
export function cspDirectives({ nonce, isDev, https }: CspOptions): Array<[string, string[] | true]> {
  if (!NONCE_PATTERN.test(nonce)) throw new Error('CSP nonce must be base64 of at least 16 characters');
  const directives: Array<[string, string[] | true]> = [
    ['default-src', ["'self'"]],
    // 'strict-dynamic': scripts with the nonce may load further scripts (Next's chunk loader
    // does, for lazily loaded client components); browsers that understand it then ignore
    // 'self' and host sources, older ones fall back to 'self'. No 'unsafe-inline': an injected
    // <script> or on* handler attribute cannot run.
    ['script-src', ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(isDev ? ["'unsafe-eval'"] : [])]],
    // Styles keep 'unsafe-inline' (and no nonce, which would make browsers ignore it):
    // React renders style={{…}} props as style="" attributes (the app uses them for badges,
    // layout and chart swatches), and recharts (and @xyflow/react, added for the identity-network
    // graph) set inline styles on the SVG and DOM nodes they create. A nonce only covers <style> elements, never style attributes, so
    // without 'unsafe-inline' every one of those would be blocked and reported. CSS cannot run
    // script, and with connect-src/img-src/font-src at 'self' an injected style cannot send data
    // to another origin, so the remaining risk (restyling a page) is small.
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  // Over plain HTTP the directive would rewrite every subresource to https:// and break the page
  // (local runs, the end-to-end tests); behind HTTPS it stops mixed content.
  if (https) directives.push(['upgrade-insecure-requests', true]);
  return directives;
}

/** The header value: `default-src 'self'; script-src 'self' 'nonce-…' …`. */
export function buildContentSecurityPolicy(options: CspOptions): string {
  return cspDirectives(options)
    .map(([name, sources]) => (sources === true ? name : `${name} ${sources.join(' ')}`))
    .join('; ');
}

/** The nonce a policy built here allows, or null (used by tests and the proxy's sanity check). */
export function nonceFromPolicy(policy: string): string | null {
  return /'nonce-([^']+)'/.exec(policy)?.[1] ?? null;
}
