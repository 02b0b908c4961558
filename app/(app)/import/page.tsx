import type { Metadata } from 'next';
import { ImportForm } from '@/components/import/import-form';
import { JobProgress } from '@/components/import/job-progress';
import { requirePermission } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Import applicants' };

export default async function ImportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission('import:run');
  const { job } = await searchParams;
  const jobId = typeof job === 'string' && /^[0-9a-f-]{36}$/i.test(job) ? job : null;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Import applicants</h1>
          <p className="muted small" style={{ margin: 0 }}>
            Bulk submission from an ATS export: up to 10,000 applicant records per file. Each record is imported whole or not at all; a refused line is reported with its number and never blocks the others. Records already imported (same ATS id) are left as they are.
          </p>
        </div>
      </div>
      <div className="grid-main-side">
        <section className="card" aria-labelledby="import-heading">
          <h2 id="import-heading">Upload</h2>
          <ImportForm />
        </section>
        {jobId && (
          <section className="card" aria-labelledby="job-heading">
            <h2 id="job-heading">Progress</h2>
            <JobProgress key={jobId} jobId={jobId} />
          </section>
        )}
      </div>
    </>
  );
}
