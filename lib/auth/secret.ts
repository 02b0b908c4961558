// AUTH_SECRET signs session tokens. In embedded mode Hirewatch may create one and keep it in
// the data dir so a fresh clone runs with one command; against PostgreSQL it must be given,
// because every instance behind a load balancer has to share it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { dataDir } from '@/lib/db/client';

let processSecret: string | undefined;

export function getAuthSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  if (process.env.DATABASE_URL) throw new Error('AUTH_SECRET is required when DATABASE_URL is set.');
  // An in-memory database dies with the process: so may its secret (and no "memory:" folder appears).
  if (process.env.HIREWATCH_DATA_DIR === 'memory://') return (processSecret ??= crypto.randomBytes(32).toString('base64url'));
  const file = path.join(dataDir(), 'auth-secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir(), { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  return fs.readFileSync(file, 'utf8').trim();
}
