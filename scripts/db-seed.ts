// npm run db:seed — creates the demo organization in an empty database (embedded, or the
// PostgreSQL server of DATABASE_URL: seeding a server happens only when asked for, here).
import { closeDb, getDb, getDbKind } from '@/lib/db/client';
import { printDemoLogins } from '@/lib/db/startup';
import { seedDemo } from '@/lib/db/seed/seed';

async function main() {
  const started = Date.now();
  const db = await getDb();
  const seeded = await seedDemo(db);
  const kind = await getDbKind();
  if (seeded) {
    console.log(`Seeded the demo organization on ${kind} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    printDemoLogins();
  } else {
    console.log(`The ${kind} database already has users: nothing seeded. Remove the data directory to start over.`);
  }
  await closeDb();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
