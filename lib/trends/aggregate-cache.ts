// A short-lived cache of the company trend aggregates. At 100k cases the four chart queries
// scan tens of thousands of rows (the median decision time joins every decision of the
// range): hundreds of milliseconds a page view. The results are counts and medians, the same
// for every viewer who may see them (no per-viewer scoping, no personal data), and a trend
// chart one minute old is still the trend, so each server process keeps them for a minute
// and recomputes in the background when they are older (stale-while-revalidate). Nothing
// here must be shared between instances: a miss only recomputes.
interface Entry {
  at: number;
  value: Promise<unknown>;
  refreshing: boolean;
}

const FRESH_MS = 60_000;
/** Older than this, a stale value is not served: the viewer waits for a new one. */
const MAX_STALE_MS = 10 * 60_000;
const MAX_ENTRIES = 200;

const globalForCache = globalThis as unknown as { hirewatchTrendCache?: Map<string, Entry> };
const entries = (globalForCache.hirewatchTrendCache ??= new Map());

export function cachedAggregate<T>(key: string, compute: () => Promise<T>, now = Date.now()): Promise<T> {
  const entry = entries.get(key);
  const age = entry ? now - entry.at : Infinity;
  if (entry && age < FRESH_MS) return entry.value as Promise<T>;
  if (entry && age < MAX_STALE_MS) {
    if (!entry.refreshing) {
      entry.refreshing = true;
      const next = compute();
      next.then(
        () => entries.set(key, { at: Date.now(), value: next, refreshing: false }),
        () => (entry.refreshing = false),
      );
    }
    return entry.value as Promise<T>;
  }
  const value = compute();
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  entries.set(key, { at: now, value, refreshing: false });
  // A failed computation is not kept: the next view tries again.
  value.catch(() => entries.get(key)?.value === value && entries.delete(key));
  return value;
}
