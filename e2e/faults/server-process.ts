// A production server of its own for the fault drills: `next start` from the build on a port and
// an embedded data directory of the drill's choosing, the way scripts/e2e-server.mjs starts the
// shared one, but as a child this test can kill. `next start` serves from this one process (no
// worker children), so the child's pid is the server's and a signal reaches it directly.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** performance.now() when the process was seen to end. */
  at: number;
}

export interface RunningServer {
  pid: number;
  base: string;
  /** From spawn until /api/health answered 200 (database opened, recovered, migrated, seeded). */
  readyMs: number;
  exited: Promise<Exit>;
  /** Everything the server printed so far (attached to the report when a drill fails). */
  output: () => string;
  /** Resolves with the first match of `pattern` in what the server prints (already printed or to come). */
  waitForOutput: (pattern: RegExp, timeoutMs: number) => Promise<RegExpMatchArray>;
  signal: (signal: 'SIGKILL' | 'SIGTERM') => number;
}

const NEXT_BIN = path.resolve('node_modules/next/dist/bin/next');

export async function startServer(dataDir: string, port: number, readyTimeoutMs = 180_000): Promise<RunningServer> {
  const base = `http://127.0.0.1:${port}`;
  // A server left on the port would answer instead and be killed in its place.
  if (await fetch(`${base}/api/health`).then(() => true, () => false)) throw new Error(`Something already listens on ${base}.`);
  const env: NodeJS.ProcessEnv = { ...process.env, HIREWATCH_DATA_DIR: dataDir, AUTH_TRUST_HOST: 'true', NODE_ENV: 'production' };
  delete env.DATABASE_URL;
  delete env.PORT;
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, [NEXT_BIN, 'start', '-p', String(port), '-H', '127.0.0.1'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<Exit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, at: performance.now() })));
  let gone = false;
  void exited.then(() => (gone = true));

  const deadline = started + readyTimeoutMs;
  for (;;) {
    if (gone) throw new Error(`next start exited before it was ready:\n${output}`);
    const healthy = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
    if (healthy) break;
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`next start did not answer /api/health within ${readyTimeoutMs} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    pid: child.pid!,
    base,
    readyMs: performance.now() - started,
    exited,
    output: () => output,
    waitForOutput: async (pattern, timeoutMs) => {
      const until = performance.now() + timeoutMs;
      for (;;) {
        const match = pattern.exec(output);
        if (match) return match;
        if (gone || performance.now() > until) throw new Error(`The server ${gone ? 'exited' : `did not print ${pattern} within ${timeoutMs} ms`}:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    signal: (name) => {
      child.kill(name);
      return performance.now();
    },
  };
}
