import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { handleShutdownSignals, type ShutdownProcess, type Stopper } from './graceful-shutdown';

/** A stand-in for `process`: signals are emitted by hand, exit codes recorded. */
function fakeProcess(env: ShutdownProcess['env'] = {}) {
  const emitter = new EventEmitter();
  const exits: number[] = [];
  const proc: ShutdownProcess = {
    on: (signal, listener) => emitter.on(signal, listener),
    exit: ((code?: number) => void exits.push(code ?? 0)) as ShutdownProcess['exit'],
    env,
  };
  return { proc, exits, signal: (name: 'SIGTERM' | 'SIGINT') => emitter.emit(name, name) };
}

/** A promise the test settles by hand, to stand for a worker busy with a chunk. */
function gate() {
  let open!: () => void;
  let fail!: (error: Error) => void;
  const promise = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

afterEach(() => {
  vi.useRealTimers();
});

describe('graceful shutdown', () => {
  it('tells the workers to stop at once, and holds the exit Next asks for until they stopped and the database closed; exits 0', async () => {
    const { proc, exits, signal } = fakeProcess();
    const chunk = gate();
    const order: string[] = [];
    const stoppers: Stopper[] = [{ name: 'import', stop: () => (order.push('import asked'), chunk.promise.then(() => void order.push('import stopped'))) }];
    handleShutdownSignals(proc, { stoppers, closeDatabase: async () => void order.push('database closed'), timeoutMs: 60_000, log: () => undefined });

    signal('SIGTERM');
    expect(order).toEqual(['import asked']);
    proc.exit(143); // what next start calls once its server has answered the requests in flight
    await settle();
    expect(exits).toEqual([]); // the import chunk is still running
    chunk.open();
    await settle();
    expect(order).toEqual(['import asked', 'import stopped', 'database closed']);
    expect(exits).toEqual([0]);
  });

  it('never closes the database before Next has drained the requests', async () => {
    const { proc, exits, signal } = fakeProcess();
    const closeDatabase = vi.fn(async () => undefined);
    handleShutdownSignals(proc, { stoppers: [], closeDatabase, timeoutMs: 60_000, log: () => undefined });
    signal('SIGTERM');
    await settle();
    expect(closeDatabase).not.toHaveBeenCalled();
    proc.exit(143);
    await settle();
    expect(closeDatabase).toHaveBeenCalledOnce();
    expect(exits).toEqual([0]);
  });

  it('without Next’s handler (NEXT_MANUAL_SIG_HANDLE) stops, closes and exits by itself', async () => {
    const { proc, exits, signal } = fakeProcess({ NEXT_MANUAL_SIG_HANDLE: 'true' });
    const closeDatabase = vi.fn(async () => undefined);
    handleShutdownSignals(proc, { stoppers: [], closeDatabase, timeoutMs: 60_000, log: () => undefined });
    signal('SIGINT');
    await settle();
    expect(closeDatabase).toHaveBeenCalledOnce();
    expect(exits).toEqual([0]);
  });

  it('exits 1 when a worker fails to stop or the database fails to close, and still closes the database', async () => {
    for (const failing of ['worker', 'database'] as const) {
      const { proc, exits, signal } = fakeProcess();
      const closeDatabase = vi.fn(async () => {
        if (failing === 'database') throw new Error('close failed');
      });
      const stoppers: Stopper[] = [{ name: 'import', stop: async () => (failing === 'worker' ? Promise.reject(new Error('stuck')) : undefined) }];
      const lines: string[] = [];
      handleShutdownSignals(proc, { stoppers, closeDatabase, timeoutMs: 60_000, log: (line) => lines.push(line) });
      signal('SIGTERM');
      proc.exit(143);
      await settle();
      expect(closeDatabase).toHaveBeenCalledOnce();
      expect(exits).toEqual([1]);
      expect(lines.join('\n')).toMatch(failing === 'worker' ? /stopping import failed: stuck/ : /closing the database failed: close failed/);
    }
  });

  it('exits 1 at the deadline when a worker never stops', async () => {
    vi.useFakeTimers();
    const { proc, exits, signal } = fakeProcess();
    const never = gate();
    const lines: string[] = [];
    handleShutdownSignals(proc, { stoppers: [{ name: 'webhooks', stop: () => never.promise }], closeDatabase: async () => undefined, timeoutMs: 25_000, log: (line) => lines.push(line) });
    signal('SIGTERM');
    proc.exit(143);
    await vi.advanceTimersByTimeAsync(24_999);
    expect(exits).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(exits).toEqual([1]);
    expect(lines.at(-1)).toMatch(/still waiting for webhooks\)/);
  });

  it('handles a repeated signal once', async () => {
    const { proc, exits, signal } = fakeProcess();
    const stop = vi.fn(async () => undefined);
    const closeDatabase = vi.fn(async () => undefined);
    handleShutdownSignals(proc, { stoppers: [{ name: 'import', stop }], closeDatabase, timeoutMs: 60_000, log: () => undefined });
    signal('SIGINT');
    signal('SIGINT');
    signal('SIGTERM');
    proc.exit(130);
    proc.exit(130);
    await settle();
    expect(stop).toHaveBeenCalledOnce();
    expect(closeDatabase).toHaveBeenCalledOnce();
    expect(exits).toEqual([0]);
  });
});
