// Starting the delivery worker with the server (instrumentation.ts); on shutdown it finishes its
// current pass and takes nothing new (lib/server/graceful-shutdown.ts). Set
// HIREWATCH_WEBHOOK_WORKER=false to run an instance that serves pages only.
import { getDb } from '@/lib/db/client';
import { stopOnShutdown } from '@/lib/server/graceful-shutdown';
import { startWebhookWorker } from './worker';

export function startWebhookWorkerWithServer(): void {
  if (process.env.HIREWATCH_WEBHOOK_WORKER === 'false') return;
  const worker = startWebhookWorker(getDb);
  stopOnShutdown('the webhook worker', worker.stop);
}
