// The Origin check of route handlers that a signed-in browser posts to (the import upload):
// the request must come from a page of this host. A missing Origin, one of another host, and
// one that is not a URL at all ("null", sent from sandboxed frames and some redirects) are all
// refused the same way, never left to throw.
export function isSameOriginPost(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin || !URL.canParse(origin)) return false;
  return new URL(origin).host === request.headers.get('host');
}
