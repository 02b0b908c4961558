// Graceful shutdown of the server process, installed by instrumentation.ts.
//
// `next start` handles SIGTERM and SIGINT itself: it stops accepting connections, lets the
// requests in flight finish, then calls process.exit(143) (130 for SIGINT). That leaves out what
// Hirewatch holds besides requests: the import worker may be in the middle of a chunk, the
// webhook worker in the middle of a delivery pass, and the embedded database would be left open,
// so its next start runs crash recovery. So, on the same signals:
//   1. the workers are told at once to take nothing new; each finishes the chunk or pass it
//      holds (an unfinished import job goes back to the queue at its cursor); no connection is
//      kept alive past its current response, or a client could keep the server serving;
//   2. the process.exit that Next calls once the requests are answered is held back until the
//      workers have stopped; then the database is closed (PGlite checkpoints and marks its data
//      directory shut down, PostgreSQL's pool ends), which also releases the data-dir lock;
//   3. the process exits 0, or 1 when a step failed or the whole took longer than the deadline.
// Holding back process.exit is the one seam there is: Next offers an application no hook after
// its drain and exits right after it. With NEXT_MANUAL_SIG_HANDLE set Next installs no handler
// and no one drains requests; then this stops the workers, closes and exits by itself.
// Proven by e2e/server-survives-kill-and-shutdown.spec.ts; the deadline and exit codes by the unit test.
import { trackKeepAlive } from './keep-alive-drain';

/** The parts of `process` the shutdown uses (a fake in the unit test). */
export interface ShutdownProcess {
  on(signal: 'SIGTERM' | 'SIGINT', listener: (signal: NodeJS.Signals) => void): unknown;
  exit: (code?: number) => never;
  env: Record<string, string | undefined>;
}

export interface Stopper {
  name: string;
  /** Resolves once the worker holds nothing any more. */
  stop: () => Promise<void>;
}

export interface ShutdownOptions {
  stoppers: readonly Stopper[];
  closeDatabase: () => Promise<void>;
  /** Past this, the process exits 1 whatever is still running. */
  timeoutMs: number;
  log?: (line: string) => void;
}

/** The default deadline: under the 30 s Kubernetes waits before SIGKILL. */
export const DEFAULT_SHUTDOWN_TIMEOUT_SECONDS = 25;

/** Installs the signal handlers on `proc`. */
export function handleShutdownSignals(proc: ShutdownProcess, options: ShutdownOptions): void {
  const log = options.log ?? ((line) => console.log(line));
  let started = false;

  const onSignal = (signal: NodeJS.Signals) => {
    if (started) return; // Ctrl-C in a shell sends SIGINT twice
    started = true;
    const startedAt = Date.now();
    const exit = proc.exit.bind(proc);
    log(`[hirewatch] ${signal}: taking no new work; finishing requests in flight, the running import chunk and webhook pass, then closing the database.`);
    // What the shutdown still waits for, named if the deadline passes.
    const pending = new Set<string>(['requests in flight']);
    if (proc.env.NEXT_MANUAL_SIG_HANDLE) pending.clear();
    const workersStopped = Promise.all(
      options.stoppers.map((stopper) => {
        pending.add(stopper.name);
        return stopper.stop().then(
          () => pending.delete(stopper.name),
          (error: unknown) => {
            pending.delete(stopper.name);
            log(`[hirewatch] shutdown: stopping ${stopper.name} failed: ${error instanceof Error ? error.message : String(error)}`);
            return false;
          },
        );
      }),
    );
    const deadline = setTimeout(() => {
      log(`[hirewatch] shutdown: not finished after ${options.timeoutMs} ms (still waiting for ${[...pending].join(', ')}); exiting anyway (the database recovers at the next start).`);
      exit(1);
    }, options.timeoutMs);

    let finishing: Promise<void> | undefined;
    const finish = () =>
      (finishing ??= (async () => {
        pending.delete('requests in flight');
        const stopped = await workersStopped;
        let closed = true;
        try {
          pending.add('closing the database');
          await options.closeDatabase();
          pending.delete('closing the database');
        } catch (error) {
          closed = false;
          log(`[hirewatch] shutdown: closing the database failed: ${error instanceof Error ? error.message : String(error)}`);
        }
        clearTimeout(deadline);
        const clean = closed && stopped.every(Boolean);
        log(`[hirewatch] ${clean ? 'stopped cleanly' : 'stopped with errors'} in ${Date.now() - startedAt} ms.`);
        exit(clean ? 0 : 1);
      })());

    if (proc.env.NEXT_MANUAL_SIG_HANDLE) {
      void finish();
      return;
    }
    // Next calls exit once its server has answered the requests in flight: finish first.
    proc.exit = ((() => void finish()) as unknown) as ShutdownProcess['exit'];
  };
  proc.on('SIGTERM', onSignal);
  proc.on('SIGINT', onSignal);
}

// On globalThis, like the database client: one registry per process even if the bundler loads
// this module twice.
const globalForShutdown = globalThis as unknown as { hirewatchShutdown?: { stoppers: Stopper[]; installed: boolean } };
const registry = (globalForShutdown.hirewatchShutdown ??= { stoppers: [], installed: false });

/** Registers a worker of this process to be stopped (and awaited) on shutdown. */
export function stopOnShutdown(name: string, stop: () => Promise<void>): void {
  registry.stoppers.push({ name, stop });
}

/**
 * The server's shutdown: connections stop being kept alive (lib/server/keep-alive-drain.ts), the
 * registered workers stop, then `closeDatabase`; deadline from HIREWATCH_SHUTDOWN_TIMEOUT (seconds).
 */
export function installGracefulShutdown(closeDatabase: () => Promise<void>): void {
  if (registry.installed) return;
  registry.installed = true;
  const keepAlive = trackKeepAlive();
  stopOnShutdown('kept-alive connections', async () => keepAlive.closeAfterResponses());
  const seconds = Number(process.env.HIREWATCH_SHUTDOWN_TIMEOUT ?? DEFAULT_SHUTDOWN_TIMEOUT_SECONDS);
  const timeoutMs = (Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_SHUTDOWN_TIMEOUT_SECONDS) * 1000;
  handleShutdownSignals(process, { stoppers: registry.stoppers, closeDatabase, timeoutMs });
}
