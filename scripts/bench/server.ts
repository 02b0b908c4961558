// The production server for the measuring scripts (npm run bench, npm run load): a build that
// matches the sources, `next start` on an embedded data directory in a process group of its
// own, ready once /api/health answers, and stopped as a whole tree.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

type Log = (message: string) => void;

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Runs `next build` when app/, lib/ or components/ (or the config) changed since the last build; with noBuild only warns. */
export function ensureBuild(root: string, noBuild: boolean, log: Log): void {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  const sources = Math.max(...['app', 'lib', 'components'].map((d) => newestSource(path.join(root, d))), ...['next.config.ts', 'instrumentation.ts', 'proxy.ts', 'package-lock.json'].map((f) => fs.statSync(path.join(root, f)).mtimeMs));
  const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  if (built >= sources) return log('the production build is up to date');
  if (noBuild) return log('WARNING: the production build is older than the sources (--no-build given): measuring the old build');
  log('building for production (next build)…');
  const build = spawnSync('npx', ['next', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error('next build failed.');
}

export interface RunningServer {
  child: ChildProcess;
  base: string;
  startupMs: number;
}

/**
 * The Node flags `npm start` gives the server (package.json: the V8 heap cap), so the scripts
 * measure the server as it is run, without npm's own process in the tree.
 */
function startFlags(root: string): string[] {
  const start = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const words = start.split(/\s+/);
  return words[0] === 'node' ? words.slice(1, words.findIndex((word, i) => i > 0 && !word.startsWith('--'))) : [];
}

/** `next start` on 127.0.0.1:port with the embedded database in dataDir; resolves once /api/health answers. */
export async function startServer(options: { root: string; port: number; dataDir: string; onSpawn?: (pid: number) => void }): Promise<RunningServer> {
  const base = `http://127.0.0.1:${options.port}`;
  // Another server on the port would answer the health check and be measured instead.
  const busy = await fetch(`${base}/api/health`).then(() => true, () => false);
  if (busy) throw new Error(`Something already listens on ${base}: stop it or pass --port.`);
  const started = performance.now();
  // Its own process group, so the whole tree (next start forks next-server) stops together.
  const child = spawn(process.execPath, [...startFlags(options.root), path.join(options.root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(options.port), '-H', '127.0.0.1'], {
    cwd: options.root,
    env: { ...process.env, HIREWATCH_DATA_DIR: options.dataDir, AUTH_TRUST_HOST: 'true', NODE_ENV: 'production', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  // Detached: a session, so an autogroup, of its own (bench --priority raises it).
  options.onSpawn?.(child.pid!);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output}`);
    try {
      const health = await fetch(`${base}/api/health`);
      if (health.ok) return { child, base, startupMs: performance.now() - started };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  stopServer(child);
  throw new Error(`The server did not answer /api/health in time:\n${output}`);
}

/**
 * SIGTERM to the server's process group; resolves once it exited (the embedded database is
 * closed and its data directory free again), or after SIGKILL when it has not within the grace.
 */
export function stopServer(child: ChildProcess, graceMs = 20_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // already gone
    }
  };
  return new Promise((resolve) => {
    const kill = setTimeout(() => signal('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    signal('SIGTERM');
  });
}
