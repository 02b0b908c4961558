import type { Metadata } from 'next';
import { ClearanceBadge } from '@/components/ui/badges';
import { formatDateTime } from '@/components/ui/format';
import { Pagination } from '@/components/ui/pagination';
import { SubmitCandidateForm } from '@/components/clearance/submit-candidate-form';
import { requestMeta } from '@/lib/audit/request-meta';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { CLEARANCE_PAGE_SIZE, listClearance } from '@/lib/cases/clearance';

export const metadata: Metadata = { title: 'Clearance' };

export default async function ClearancePage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requirePermission('clearance:read-own');
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const { rows, total } = await listClearance(user, page, await requestMeta());
  const everyone = can(user.role, 'clearance:read-all');
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Clearance</h1>
          <p className="muted small" style={{ margin: 0 }}>
            {everyone ? 'Clearance status of every candidate.' : 'The candidates you submitted and whether hiring may proceed.'} Reasons stay with the security team.
          </p>
        </div>
      </div>
      <div className="grid-main-side">
        <section className="card" aria-labelledby="submissions-heading">
          <h2 id="submissions-heading">{everyone ? 'All candidates' : 'Your submissions'}</h2>
          {rows.length === 0 ? (
            <div className="empty">No candidates yet. Submit one with the form.</div>
          ) : (
            <div className="table-wrap">
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">Reference</th>
                    <th scope="col">Candidate</th>
                    <th scope="col">Role</th>
                    <th scope="col">Clearance</th>
                    <th scope="col">Last changed</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.reference}>
                      <td className="mono">{row.reference}</td>
                      <td>{row.claimedName}</td>
                      <td>{row.jobRole}</td>
                      <td>
                        <ClearanceBadge clearance={row.clearance} />
                      </td>
                      <td className="small">{formatDateTime(row.lastChangedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination page={page} pageCount={Math.ceil(total / CLEARANCE_PAGE_SIZE)} total={total} params={{}} basePath="/clearance" />
        </section>
        <section className="card" aria-labelledby="submit-heading">
          <h2 id="submit-heading">Submit a candidate</h2>
          <SubmitCandidateForm />
        </section>
      </div>
    </>
  );
}
