// The delivery worker: claims due outbox rows, POSTs them, logs every attempt, and schedules
// retries with exponential backoff (lib/webhooks/backoff.ts). Claiming is one short
// statement — FOR UPDATE SKIP LOCKED picks rows no other worker is claiming, and moving
// next_attempt_at ahead by a lease hides them from every worker while this one sends — so
// several instances on PostgreSQL never send an event twice at once, and no transaction is
// held open across an HTTP request (on PGlite that would stall the whole app). A worker that
// dies mid-send leaves the row to be retried when its lease ends (at-least-once; receivers
// de-duplicate on the payload id).
import { and, eq, sql } from 'drizzle-orm';
import { rowsOf, type Database } from '@/lib/db/client';
import { webhookDeliveries, webhookEndpoints, webhookEvents } from '@/lib/db/schema';
import { DEFAULT_BASE_DELAY_MS, MAX_ATTEMPTS, retryDelayMs } from './backoff';
import { openSecret } from './secret-box';
import { SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from './signature';
import { checkDeliveryTarget, checkWebhookUrl } from './url';

export interface WorkerOptions {
  /** Base of the retry schedule (tests shorten it). */
  baseDelayMs?: number;
  /** How long a claimed row stays hidden from other workers; longer than the request timeout. */
  leaseMs?: number;
  timeoutMs?: number;
  batchSize?: number;
  /** Check where the host resolves before connecting (off only in tests that fake DNS). */
  checkTarget?: boolean;
}

interface Claimed {
  id: string;
  attempts: number;
  payload: Record<string, unknown>;
  url: string;
  secret_ciphertext: string;
}

async function claim(db: Database, batchSize: number, leaseMs: number): Promise<Claimed[]> {
  return rowsOf<Claimed>(
    await db.execute(sql`
      with due as (
        select e.id from ${webhookEvents} e
        where e.status = 'pending' and e.next_attempt_at <= now()
        order by e.next_attempt_at
        limit ${batchSize}
        for update skip locked
      )
      update ${webhookEvents} e
         set attempts = e.attempts + 1,
             next_attempt_at = now() + make_interval(secs => ${leaseMs / 1000})
        from due, ${webhookEndpoints} w
       where e.id = due.id and w.id = e.endpoint_id
      returning e.id, e.attempts, e.payload, w.url, w.secret_ciphertext`),
  );
}

interface Outcome {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

async function send(row: Claimed, options: Required<WorkerOptions>): Promise<Outcome> {
  const started = performance.now();
  const done = (statusCode: number | null, error: string | null): Outcome => ({ statusCode, error, durationMs: Math.round(performance.now() - started) });
  const checked = checkWebhookUrl(row.url);
  if (!checked.ok) return done(null, checked.error);
  if (options.checkTarget) {
    const refused = await checkDeliveryTarget(checked.url);
    if (refused) return done(null, refused);
  }
  let secret: string;
  try {
    secret = openSecret(row.secret_ciphertext);
  } catch (error) {
    return done(null, (error as Error).message);
  }
  const body = JSON.stringify(row.payload);
  const timestamp = Math.floor(Date.now() / 1000);
  try {
    const response = await fetch(checked.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Hirewatch-Webhooks/1',
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: signWebhook(secret, timestamp, body),
        'X-Hirewatch-Event': String(row.payload.event),
        'X-Hirewatch-Delivery': row.id,
      },
      body,
    });
    // The response body is never read into Hirewatch: only its status is kept.
    await response.body?.cancel();
    return done(response.status, response.ok ? null : `HTTP ${response.status}`);
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return done(null, `${(error as Error).name === 'TimeoutError' ? 'timed out' : (error as Error).message}${cause ? ` (${cause})` : ''}`);
  }
}

async function record(db: Database, row: Claimed, outcome: Outcome, baseDelayMs: number): Promise<void> {
  const delivered = outcome.error === null;
  const delay = delivered ? null : retryDelayMs(row.attempts, baseDelayMs);
  await db.transaction(async (tx) => {
    await tx.insert(webhookDeliveries).values({ eventId: row.id, attempt: row.attempts, statusCode: outcome.statusCode, durationMs: outcome.durationMs, error: outcome.error?.slice(0, 500) ?? null });
    await tx
      .update(webhookEvents)
      .set(
        delivered
          ? { status: 'delivered', deliveredAt: new Date() }
          : delay === null
            ? { status: 'failed' }
            : { nextAttemptAt: sql`now() + make_interval(secs => ${delay / 1000})` },
      )
      .where(and(eq(webhookEvents.id, row.id), eq(webhookEvents.attempts, row.attempts)));
  });
}

/** One pass: claim what is due, send it, record each attempt. Returns how many were attempted. */
export async function deliverDueWebhooks(db: Database, options: WorkerOptions = {}): Promise<number> {
  const settings: Required<WorkerOptions> = {
    baseDelayMs: options.baseDelayMs ?? DEFAULT_BASE_DELAY_MS,
    timeoutMs: options.timeoutMs ?? 10_000,
    leaseMs: options.leaseMs ?? 60_000,
    batchSize: options.batchSize ?? 10,
    checkTarget: options.checkTarget ?? true,
  };
  const claimed = await claim(db, settings.batchSize, settings.leaseMs);
  await Promise.all(claimed.map(async (row) => record(db, row, await send(row, settings), settings.baseDelayMs)));
  return claimed.length;
}

export { MAX_ATTEMPTS };

export interface RunningWorker {
  stop: () => Promise<void>;
}

/** Polls every `intervalMs` until stopped; a pass that fails is logged and the next one tries again. */
export function startWebhookWorker(getDb: () => Promise<Database>, options: WorkerOptions & { intervalMs?: number } = {}): RunningWorker {
  let stopped = false;
  let current: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    current = (async () => {
      try {
        const db = await getDb();
        // Keep going while batches come back full, so a backlog drains without waiting.
        while (!stopped && (await deliverDueWebhooks(db, options)) >= (options.batchSize ?? 10));
      } catch (error) {
        console.error('[webhooks] delivery pass failed:', error instanceof Error ? error.message : error);
      }
      if (!stopped) timer = setTimeout(tick, options.intervalMs ?? 2_000);
    })();
  };
  timer = setTimeout(tick, 0);
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
