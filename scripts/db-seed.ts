// npm run db:seed                      the demo organization (an empty database only)
// npm run db:seed -- --scale 100000    the demo organization plus 100,000 generated cases with
//                                      planted rings and 1,000,000 watchlist entries in all
//                                      (--watchlist N to change), embedded database only
//
// The embedded database belongs to one process: the seed refuses to run while another
// process (the server) has the data directory open.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { closeDb, dataDir, getDb, getDbKind } from '@/lib/db/client';
import { heldBy } from '@/lib/db/data-dir-lock';
import { printDemoLogins } from '@/lib/db/startup';
import { seedDemo } from '@/lib/db/seed/seed';

function count(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value.replaceAll('_', ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number (got ${value}).`);
  return n;
}

async function main() {
  const { values } = parseArgs({ options: { scale: { type: 'string' }, watchlist: { type: 'string' } }, strict: true });
  if (!process.env.DATABASE_URL && process.env.HIREWATCH_DATA_DIR !== 'memory://') {
    const held = heldBy(path.join(dataDir(), 'pglite'));
    if (held) throw new Error(held);
  }
  const started = Date.now();
  if (values.scale !== undefined) {
    if (process.env.DATABASE_URL) throw new Error('The scale seed loads the embedded database (PGlite COPY): unset DATABASE_URL.');
    const cases = count(values.scale, 'scale', 0);
    const watchlistTotal = count(values.watchlist, 'watchlist', cases * 10);
    const { seedScale } = await import('@/lib/db/seed/scale/load');
    const { progressBar } = await import('@/lib/db/seed/scale/progress');
    const summary = await seedScale(await getDb(), { cases, watchlistTotal, progress: progressBar() });
    console.log(`Scale seed in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(summary)}`);
    if (summary.networkCorrections > 0) console.warn(`Warning: the network code corrected ${summary.networkCorrections} planted network assignments.`);
    printDemoLogins();
  } else {
    const db = await getDb();
    const seeded = await seedDemo(db);
    const kind = await getDbKind();
    if (seeded) {
      console.log(`Seeded the demo organization on ${kind} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      printDemoLogins();
    } else {
      console.log(`The ${kind} database already has users: nothing seeded. Remove the data directory to start over.`);
    }
  }
  await closeDb();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
