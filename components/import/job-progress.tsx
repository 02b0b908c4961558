'use client';
// Follows an import job by polling /import/jobs/{jobId} until it ends: a progress bar, the
// counts, and the refused lines (downloadable as CSV). The job lives in the database, so a
// reload (the job id is in the URL) picks the progress up where it is.
import { useEffect, useState } from 'react';

interface JobView {
  jobId: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  total: number;
  done: number;
  failed: number;
  errors: { line: number; message: string }[];
  failure: string | null;
}

const POLL_MS = 600;
const SHOWN_ERRORS = 200;

export function JobProgress({ jobId }: { jobId: string }) {
  const [job, setJob] = useState<JobView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const response = await fetch(`/import/jobs/${encodeURIComponent(jobId)}`, { cache: 'no-store' });
        if (!response.ok) throw new Error(response.status === 404 ? 'This import job does not exist.' : `The server answered ${response.status}.`);
        const next = (await response.json()) as JobView;
        if (stopped) return;
        setJob(next);
        setProblem(null);
        if (next.status === 'done' || next.status === 'failed') return;
      } catch (error) {
        if (stopped) return;
        setProblem(error instanceof Error ? error.message : 'Progress is not available right now.');
      }
      timer = setTimeout(poll, POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [jobId]);

  if (!job) return <p className="muted" role="status">{problem ?? 'Waiting for the import to start…'}</p>;
  const processed = job.done + job.failed;
  const finished = job.status === 'done' || job.status === 'failed';
  return (
    <div className="stack">
      <label htmlFor="import-progress">
        {job.status === 'queued' && 'Queued…'}
        {job.status === 'running' && `Importing: ${processed.toLocaleString('en-US')} of ${job.total.toLocaleString('en-US')} lines`}
        {job.status === 'done' && 'Import finished'}
        {job.status === 'failed' && 'Import stopped'}
      </label>
      <progress id="import-progress" aria-label="Import progress" value={processed} max={Math.max(job.total, 1)} style={{ width: '100%', height: 18 }} />
      <p role="status" aria-live="polite" className="small" style={{ margin: 0 }}>
        {job.done.toLocaleString('en-US')} imported, {job.failed.toLocaleString('en-US')} refused, of {job.total.toLocaleString('en-US')}.
        {finished && job.failure && <span className="field-error"> {job.failure}</span>}
      </p>
      {problem && <p className="field-error">{problem}</p>}
      {job.errors.length > 0 && (
        <section aria-labelledby="import-errors-heading">
          <h3 id="import-errors-heading">Refused lines</h3>
          <p className="small">
            <a href={`/import/jobs/${encodeURIComponent(job.jobId)}/errors`} download>
              Download errors (CSV)
            </a>
            {job.errors.length > SHOWN_ERRORS && ` — the first ${SHOWN_ERRORS} of ${job.errors.length} are shown.`}
          </p>
          <div className="table-wrap">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Why it was refused</th>
                </tr>
              </thead>
              <tbody>
                {job.errors.slice(0, SHOWN_ERRORS).map((error) => (
                  <tr key={error.line}>
                    <td className="mono">{error.line}</td>
                    <td>{error.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}
