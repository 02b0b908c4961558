// Authentication of REST API requests: `Authorization: Bearer hw_…`. The token is looked up by
// the SHA-256 of the secret; a missing, unknown, expired or revoked token is 401 (one message,
// so nobody learns which); a token whose role lacks the permission is 403, decided by the same
// matrix as the UI (lib/auth/permissions.ts). Every accepted request counts against the
// token's per-minute limit (429) and stamps last_used_at.
import { and, eq, sql } from 'drizzle-orm';
import { can, type Permission } from '@/lib/auth/permissions';
import { getDb, rowsOf } from '@/lib/db/client';
import { apiRateWindows, apiTokens } from '@/lib/db/schema';
import type { AuditActor } from '@/lib/audit/log';
import { hashTokenSecret, looksLikeTokenSecret } from '@/lib/api-tokens/secret';
import type { TokenRole } from '@/lib/api-tokens/validators';
import { ApiError } from './errors';

export interface ApiCaller {
  tokenId: string;
  tokenName: string;
  role: TokenRole;
  /** The token's service user: who its submissions and audit entries belong to. */
  id: string;
  /** As the audit log names the caller. */
  email: string;
}

/** Requests a token may make per minute; HIREWATCH_API_RATE_LIMIT changes it. */
export function rateLimitPerMinute(): number {
  const configured = Number(process.env.HIREWATCH_API_RATE_LIMIT);
  return Number.isInteger(configured) && configured > 0 ? configured : 600;
}

/** last_used_at is written at most this often per token, so reads stay reads. */
const LAST_USED_RESOLUTION_MS = 60_000;

const UNAUTHORIZED = 'Send a valid API token: Authorization: Bearer hw_…';

export function bearerSecret(request: Request): string | null {
  const header = request.headers.get('authorization');
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match ? match[1] : null;
}

export async function authenticateToken(request: Request, now = new Date()): Promise<ApiCaller> {
  const secret = bearerSecret(request);
  if (!secret || !looksLikeTokenSecret(secret)) throw new ApiError(401, UNAUTHORIZED, {}, { 'WWW-Authenticate': 'Bearer' });
  const db = await getDb();
  const [token] = await db.select().from(apiTokens).where(eq(apiTokens.tokenHash, hashTokenSecret(secret)));
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now) || (token.role !== 'recruiter' && token.role !== 'lead')) {
    throw new ApiError(401, UNAUTHORIZED, {}, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
  }
  await countRequest(token.id, now);
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, token.id));
  }
  return { tokenId: token.id, tokenName: token.name, role: token.role, id: token.serviceUserId, email: `token:${token.name}` };
}

/** A fixed one-minute window per token, counted in the database so every instance shares it. */
async function countRequest(tokenId: string, now: Date): Promise<void> {
  const db = await getDb();
  const windowStart = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const [{ requests }] = rowsOf<{ requests: number }>(
    await db.execute(sql`
      insert into ${apiRateWindows} (token_id, window_start, requests) values (${tokenId}, ${windowStart.toISOString()}, 1)
      on conflict (token_id, window_start) do update set requests = ${apiRateWindows.requests} + 1
      returning requests`),
  );
  if (requests === 1) {
    // A new window: forget the old ones of this token (cheap, and keeps the table small).
    await db.delete(apiRateWindows).where(and(eq(apiRateWindows.tokenId, tokenId), sql`${apiRateWindows.windowStart} < ${windowStart.toISOString()}`));
  }
  const limit = rateLimitPerMinute();
  if (requests > limit) {
    const retryAfter = Math.max(1, Math.ceil((windowStart.getTime() + 60_000 - now.getTime()) / 1000));
    throw new ApiError(429, `Too many requests: at most ${limit} a minute per token. Retry after ${retryAfter} s.`, {}, { 'Retry-After': String(retryAfter) });
  }
}

/** The caller, if its role holds `permission`; otherwise 403. */
export async function authorizeToken(request: Request, permission: Permission): Promise<ApiCaller> {
  const caller = await authenticateToken(request);
  if (!can(caller.role, permission)) throw new ApiError(403, `A ${caller.role} token may not do this.`);
  return caller;
}

export function auditActorOf(caller: ApiCaller, request: Request): AuditActor {
  const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return { id: caller.id, email: caller.email, ip: forwarded || request.headers.get('x-real-ip'), userAgent: request.headers.get('user-agent') };
}
