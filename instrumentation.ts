// Next.js calls register() once when the server starts: the database is opened, migrated
// (and on first start seeded) here, not on the first request; then the background job worker
// starts (bulk imports, lib/jobs).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { prepareDatabase } = await import('./lib/db/startup');
  await prepareDatabase();
  const { startServerWorker } = await import('./lib/jobs/server-worker');
  await startServerWorker();
}
