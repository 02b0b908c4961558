// Retry schedule of webhook deliveries: exponential, ×4 per failed attempt, five attempts in
// all (the first and four retries): with the default 30 s base, retries come 30 s, 2 min,
// 8 min and 32 min after the failures, about 42 minutes in total — long enough to ride out a
// receiver's deploy or brief outage, short enough that an alert is still news.
export const MAX_ATTEMPTS = 5;
export const DEFAULT_BASE_DELAY_MS = 30_000;

/** Delay before the next attempt after `attempt` (1-based) failed; null when none is left. */
export function retryDelayMs(attempt: number, baseDelayMs: number = DEFAULT_BASE_DELAY_MS): number | null {
  if (attempt >= MAX_ATTEMPTS) return null;
  return baseDelayMs * 4 ** (attempt - 1);
}
