// What the export route handlers share: the server-side permission check (plain-text 401/403,
// no redirect, since a download is not a page) and the request metadata for the audit entry.
import { can, type Permission } from '@/lib/auth/permissions';
import { currentUser, type SessionUser } from '@/lib/auth/session';

/** A short plain-text answer that is never cached or sniffed (refusals, not found). */
export function plain(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' },
  });
}

/** The signed-in user holding `permission`, or the response refusing the request. */
export async function authorizeExport(permission: Permission): Promise<{ user: SessionUser } | { response: Response }> {
  const user = await currentUser();
  if (!user) return { response: plain(401, 'Sign in') };
  if (!can(user.role, permission)) return { response: plain(403, 'Forbidden') };
  return { user };
}

/** IP and user agent of the request, as lib/audit/request-meta.ts reads them. */
export function exportRequestMeta(request: Request): { ip: string | null; userAgent: string | null } {
  const h = request.headers;
  const forwarded = h.get('x-forwarded-for')?.split(',')[0]?.trim();
  return { ip: forwarded || h.get('x-real-ip'), userAgent: h.get('user-agent') };
}

/** A URL's query parameters in the shape the list parsers take (repeated keys → arrays). */
export function searchParamsRecord(url: URL): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    record[key] = values.length === 1 ? values[0] : values;
  }
  return record;
}
