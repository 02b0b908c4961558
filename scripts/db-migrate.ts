// npm run db:migrate — applies drizzle/ migrations (the server also does this at start-up).
import { closeDb, getDb, getDbKind } from '@/lib/db/client';

async function main() {
  await getDb();
  console.log(`Migrations applied (${await getDbKind()}).`);
  await closeDb();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
