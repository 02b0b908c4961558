// Next.js calls register() once when the server starts: the database is opened, migrated
// (and on first start seeded) here, not on the first request; then the webhook delivery
// worker starts polling the outbox, and stops on SIGTERM/SIGINT after its current pass.
// register() runs only in the server runtime, never during `next build`.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { prepareDatabase } = await import('./lib/db/startup');
  await prepareDatabase();
  if (process.env.HIREWATCH_WEBHOOK_WORKER === 'false') return;
  const { startWebhookWorker } = await import('./lib/webhooks/worker');
  const { getDb } = await import('./lib/db/client');
  const worker = startWebhookWorker(getDb);
  const stop = (signal: NodeJS.Signals) => {
    void worker.stop().finally(() => {
      // Next.js's own handler (if any) shuts the server down; with none, a listener would have
      // cancelled the default exit, so raise the signal again once the worker is idle.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
