// What the audit log records about the request behind an entry, and whether that request
// is a person looking at a page or only the router prefetching a link.
import { headers } from 'next/headers';

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  /** Next.js fetched the page ahead of a possible click: nobody has seen it (yet). */
  prefetch: boolean;
}

export async function requestMeta(): Promise<RequestMeta> {
  const h = await headers();
  const forwarded = h.get('x-forwarded-for')?.split(',')[0]?.trim();
  return {
    ip: forwarded || h.get('x-real-ip'),
    userAgent: h.get('user-agent'),
    prefetch: h.get('next-router-prefetch') === '1' || h.has('next-router-segment-prefetch'),
  };
}
