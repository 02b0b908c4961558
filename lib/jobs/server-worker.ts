// The job worker of a server process, started by instrumentation.ts. On the embedded database
// this process is the only one that may open the data directory, so jobs it left running when
// it died are handed back at once; on PostgreSQL other instances may be running them, so only
// a stale heartbeat frees them (lib/jobs/worker.ts). HIREWATCH_JOB_WORKER=false leaves this
// instance out of the queue (e.g. web-only instances).
import { getDb, getDbKind } from '@/lib/db/client';
import '@/lib/import/processor';
import { stopOnShutdown } from '@/lib/server/graceful-shutdown';
import { releaseOrphanedJobs, startWorker } from './worker';

const globalForWorker = globalThis as unknown as { hirewatchWorker?: { stop: () => Promise<void> } };

export async function startServerWorker(): Promise<void> {
  if (process.env.HIREWATCH_JOB_WORKER === 'false' || globalForWorker.hirewatchWorker) return;
  const db = await getDb();
  if ((await getDbKind()) === 'pglite') {
    const released = await releaseOrphanedJobs(db);
    if (released > 0) console.log(`[jobs] resuming ${released} import job(s) interrupted by the last shutdown.`);
  }
  // A line per recorded chunk: the server log shows a long import moving (and where it stood when it stopped).
  const worker = startWorker(db, {
    onProgress: (job) => console.log(`[jobs] ${job.kind} ${job.id}: ${job.done + job.failed} of ${job.total} lines (${job.failed} refused)`),
  });
  globalForWorker.hirewatchWorker = worker;
  // On shutdown it finishes the chunk it holds and hands the job back; the next start resumes it at its cursor.
  stopOnShutdown('the import worker', worker.stop);
}
