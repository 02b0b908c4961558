import { describe, expect, it, vi } from 'vitest';
import { cachedAggregate } from './aggregate-cache';

describe('cachedAggregate', () => {
  it('serves a fresh value without recomputing, a stale one while recomputing, and waits when too old', async () => {
    const compute = vi.fn(async () => compute.mock.calls.length);
    const t0 = 1_000_000;
    expect(await cachedAggregate('k', compute, t0)).toBe(1);
    expect(await cachedAggregate('k', compute, t0 + 30_000)).toBe(1);
    expect(compute).toHaveBeenCalledTimes(1);
    // Stale: the old value now, the new one computed in the background.
    expect(await cachedAggregate('k', compute, t0 + 90_000)).toBe(1);
    expect(compute).toHaveBeenCalledTimes(2);
    await Promise.resolve();
    expect(await cachedAggregate('k', compute, Date.now())).toBe(2);
    // Far too old: computed again before answering.
    expect(await cachedAggregate('k', compute, Date.now() + 3_600_000)).toBe(3);
  });

  it('does not keep a failed computation', async () => {
    const failing = vi.fn(async () => {
      throw new Error('db down');
    });
    await expect(cachedAggregate('f', failing, 5)).rejects.toThrow('db down');
    await Promise.resolve();
    await expect(cachedAggregate('f', async () => 'ok', 6)).resolves.toBe('ok');
  });
});
