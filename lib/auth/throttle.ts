// Sign-in throttling, per account and per client IP. Failed attempts are rows in PostgreSQL
// (sign_in_attempts), not process memory, so the limits hold across every instance behind a
// load balancer and across restarts (DESIGN.md "Data").
//
// - Per account: slows a guessing attack on one person (5 guesses per 15 minutes ≈ 480 a day).
//   Unknown emails are counted exactly like real ones, so the throttle never reveals which
//   accounts exist.
// - Per IP: slows password spraying (one common password tried against many accounts).
//
// A refused attempt is not recorded: no password was checked, and counting it would let a
// person who keeps retrying extend their own lock for ever. The window slides: a locked
// account gets one more try each time one of its last five failures turns 15 minutes old.
// Check-then-insert is not atomic, so a burst of parallel requests can overshoot a limit by a
// few attempts; argon2's cost bounds that.
import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/lib/db/client';
import { signInAttempts } from '@/lib/db/schema';

/** Failed sign-ins an account may have within the window before further attempts are refused. */
export const ACCOUNT_MAX_FAILURES = 5;
/** Failed sign-ins one client IP may have within the window (higher: offices share an address). */
export const IP_MAX_FAILURES = 20;
/** The sliding window both limits count over. */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
/** Attempts older than this are deleted; nothing looks further back than the window. */
export const ATTEMPT_RETENTION_MS = 24 * 60 * 60 * 1000;
/** Share of recorded failures that also prune old rows (an indexless scan, so not every time). */
export const PRUNE_PROBABILITY = 0.05;

export interface SignInAttempt {
  /** Lower-cased, as sign-in compares it. */
  email: string;
  /** The client address, or null when the request carries none (then only the account limit applies). */
  ip: string | null;
}

export interface FailureCounts {
  account: number;
  ip: number;
}

export function accountKey(email: string): string {
  return `account:${email.trim().toLowerCase()}`;
}

export function ipKey(ip: string): string {
  return `ip:${ip}`;
}

/**
 * The client address of a request: the first hop of X-Forwarded-For, else X-Real-IP.
 * `next start` fills X-Forwarded-For with the socket address when the request has none; behind
 * a reverse proxy, the proxy must overwrite (not append to) client-sent values, or a client can
 * choose its own address and escape the per-IP limit (the per-account limit still holds).
 */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  const candidate = forwarded || headers.get('x-real-ip')?.trim() || '';
  // An address, not arbitrary text: IPv4, IPv6 (optionally bracketed or with a zone), at most 64 chars.
  if (!candidate || candidate.length > 64 || !/^[0-9A-Za-z:.%[\]-]+$/.test(candidate)) return null;
  return candidate.replace(/^\[|\]$/g, '').toLowerCase();
}

/** The throttling decision itself: true when this attempt must be refused without checking the password. */
export function isThrottled(counts: FailureCounts): boolean {
  return counts.account >= ACCOUNT_MAX_FAILURES || counts.ip >= IP_MAX_FAILURES;
}

function keysOf(attempt: SignInAttempt): string[] {
  return attempt.ip ? [accountKey(attempt.email), ipKey(attempt.ip)] : [accountKey(attempt.email)];
}

/** Failures of the account and of the IP within the window ending at `now`. */
export async function failureCounts(db: DbOrTx, attempt: SignInAttempt, now: Date = new Date()): Promise<FailureCounts> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const rows = await db
    .select({ key: signInAttempts.key, n: sql<number>`count(*)::int` })
    .from(signInAttempts)
    .where(and(inArray(signInAttempts.key, keysOf(attempt)), gte(signInAttempts.at, since)))
    .groupBy(signInAttempts.key);
  const count = (key: string) => Number(rows.find((row) => row.key === key)?.n ?? 0);
  return { account: count(accountKey(attempt.email)), ip: attempt.ip ? count(ipKey(attempt.ip)) : 0 };
}

export async function isSignInThrottled(db: DbOrTx, attempt: SignInAttempt, now: Date = new Date()): Promise<boolean> {
  return isThrottled(await failureCounts(db, attempt, now));
}

/** One failed sign-in, counted against the account and the IP. Now and then prunes old rows. */
export async function recordFailedSignIn(
  db: DbOrTx,
  attempt: SignInAttempt,
  now: Date = new Date(),
  random: () => number = Math.random,
): Promise<void> {
  await db.insert(signInAttempts).values(keysOf(attempt).map((key) => ({ key, at: now })));
  if (random() < PRUNE_PROBABILITY) await pruneSignInAttempts(db, now);
}

/** After a successful sign-in the account starts afresh; the IP's count stays (a valid account must not reset it). */
export async function clearAccountFailures(db: DbOrTx, email: string): Promise<void> {
  await db.delete(signInAttempts).where(eq(signInAttempts.key, accountKey(email)));
}

/** Deletes attempts older than the retention period; returns how many went. */
export async function pruneSignInAttempts(db: DbOrTx, now: Date = new Date()): Promise<number> {
  const deleted = await db
    .delete(signInAttempts)
    .where(lt(signInAttempts.at, new Date(now.getTime() - ATTEMPT_RETENTION_MS)))
    .returning({ id: signInAttempts.id });
  return deleted.length;
}
