// Next.js calls register() once when the server starts: the database is opened, migrated
// (and on first start seeded) here, not on the first request; then the background workers
// start: bulk-import jobs (lib/jobs) and webhook delivery from the outbox (lib/webhooks/start.ts);
// last, SIGTERM/SIGINT are made to stop those workers and close the database before the process
// exits (lib/server/graceful-shutdown.ts).
// register() runs only in the server runtime, never during `next build`.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { prepareDatabase } = await import('./lib/db/startup');
  await prepareDatabase();
  const { startServerWorker } = await import('./lib/jobs/server-worker');
  await startServerWorker();
  const { startWebhookWorkerWithServer } = await import('./lib/webhooks/start');
  startWebhookWorkerWithServer();
  const { installGracefulShutdown } = await import('./lib/server/graceful-shutdown');
  const { closeDb } = await import('./lib/db/client');
  installGracefulShutdown(closeDb);
}
