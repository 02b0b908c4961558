// Starts the production build for the end-to-end tests on a brand-new embedded database
// (seeded with the demo organization on start), so every run begins from the same state.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// E2E_DATA_DIR lets two runs in one checkout keep apart (the dir is wiped at start).
const dataDir = path.resolve(process.env.E2E_DATA_DIR ?? '.e2e-data');
fs.rmSync(dataDir, { recursive: true, force: true });
const port = process.env.PORT ?? '3210';
const server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', port, '-H', '127.0.0.1'], {
  stdio: 'inherit',
  env: { ...process.env, HIREWATCH_DATA_DIR: dataDir, NODE_ENV: 'production' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
