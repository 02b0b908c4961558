// Next.js calls register() once when the server starts: the database is opened, migrated
// (and on first start seeded) here, not on the first request; then the webhook delivery
// worker starts polling the outbox (lib/webhooks/start.ts). register() runs only in the
// server runtime, never during `next build`.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { prepareDatabase } = await import('./lib/db/startup');
  await prepareDatabase();
  const { startWebhookWorkerWithServer } = await import('./lib/webhooks/start');
  startWebhookWorkerWithServer();
}
