// Next.js calls register() once when the server starts: the database is opened, migrated
// (and on first start seeded) here, not on the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { prepareDatabase } = await import('./lib/db/startup');
  await prepareDatabase();
}
