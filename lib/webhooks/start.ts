// Starting the delivery worker with the server (instrumentation.ts), and stopping it on
// SIGTERM/SIGINT after its current pass. Set HIREWATCH_WEBHOOK_WORKER=false to run an
// instance that serves pages only.
import { getDb } from '@/lib/db/client';
import { startWebhookWorker } from './worker';

export function startWebhookWorkerWithServer(): void {
  if (process.env.HIREWATCH_WEBHOOK_WORKER === 'false') return;
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
