import type { Metadata } from 'next';
import Link from 'next/link';
import { AddWatchlistEntryForm } from '@/components/watchlist/add-entry-form';
import { EntryActions } from '@/components/watchlist/entry-actions';
import { ImportWatchlistForm } from '@/components/watchlist/import-form';
import { formatDate } from '@/components/ui/format';
import { Pagination } from '@/components/ui/pagination';
import { requirePermission } from '@/lib/auth/session';
import { TLP_LABELS, WATCHLIST_KINDS, WATCHLIST_KIND_LABELS } from '@/lib/domain';
import { listWatchlist, parseWatchlistParams, WATCHLIST_PAGE_SIZE } from '@/lib/intel/watchlist-queries';

export const metadata: Metadata = { title: 'Watchlist' };

export default async function WatchlistPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission('watchlist:manage');
  const params = parseWatchlistParams(await searchParams);
  const { rows, total } = await listWatchlist(params);
  const now = Date.now();
  const pageParams = Object.fromEntries(Object.entries(params).filter(([k, v]) => k !== 'page' && v).map(([k, v]) => [k, String(v)]));
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Watchlist</h1>
          <p className="muted small" style={{ margin: 0 }}>
            Identifiers that flag an applicant at once (block list) or never link cases (benign list). Escalations add their hard identifiers here.
          </p>
        </div>
        <div className="row">
          <a className="button" href="/watchlist/export?format=csv" download>
            Export CSV
          </a>
          <a className="button" href="/watchlist/export?format=stix" download>
            Export STIX 2.1
          </a>
        </div>
      </div>
      <section className="card" aria-labelledby="add-entry-h">
        <details>
          <summary id="add-entry-h">Add an entry</summary>
          <div style={{ maxWidth: 640, marginTop: 10 }}>
            <AddWatchlistEntryForm />
          </div>
        </details>
      </section>
      <section className="card" aria-labelledby="import-h" style={{ marginTop: 14 }}>
        <details>
          <summary id="import-h">Import CSV or STIX</summary>
          <div style={{ maxWidth: 640, marginTop: 10 }}>
            <ImportWatchlistForm />
          </div>
        </details>
      </section>
      <div className="stack" style={{ marginTop: 14 }}>
        <section className="card" aria-labelledby="entries-h">
          <h2 id="entries-h">Entries</h2>
          <form className="toolbar" method="get" role="search">
            <div className="field grow">
              <label htmlFor="wl-q">Value or source</label>
              <input id="wl-q" name="q" type="search" defaultValue={params.q ?? ''} />
            </div>
            <div className="field">
              <label htmlFor="wl-list">List</label>
              <select id="wl-list" name="list" defaultValue={params.list ?? ''}>
                <option value="">Both</option>
                <option value="block">Block</option>
                <option value="benign">Benign</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor="wl-kind">Kind</label>
              <select id="wl-kind" name="kind" defaultValue={params.kind ?? ''}>
                <option value="">Any kind</option>
                {WATCHLIST_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {WATCHLIST_KIND_LABELS[k]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="wl-state">State</label>
              <select id="wl-state" name="state" defaultValue={params.state ?? ''}>
                <option value="">Any state</option>
                <option value="active">Active</option>
                <option value="expired">Expired</option>
                <option value="false_positive">False positive</option>
              </select>
            </div>
            <button type="submit">Filter</button>
          </form>
          {rows.length === 0 ? (
            <div className="empty">No entries match.</div>
          ) : (
            <div className="table-wrap">
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">Kind</th>
                    <th scope="col">Value</th>
                    <th scope="col">List</th>
                    <th scope="col">Source</th>
                    <th scope="col">Confidence</th>
                    <th scope="col">TLP</th>
                    <th scope="col">Expires</th>
                    <th scope="col">Added</th>
                    <th scope="col">
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => {
                    const expired = row.expiresAt !== null && row.expiresAt.getTime() <= now;
                    return (
                      <tr key={row.id} style={row.falsePositive || expired ? { opacity: 0.6 } : undefined}>
                        <td>{WATCHLIST_KIND_LABELS[row.kind]}</td>
                        <td className="mono">{row.value}</td>
                        <td>
                          <span className={`badge ${row.list === 'block' ? 'badge-red' : 'badge-green'}`}>{row.list}</span>
                          {row.falsePositive && <span className="badge badge-neutral">false positive</span>}
                          {expired && <span className="badge badge-neutral">expired</span>}
                        </td>
                        <td className="small">
                          {row.sourceCase ? (
                            <>
                              {row.source.replace(row.sourceCase, '').trim()}{' '}
                              <Link className="mono" href={`/cases/${row.sourceCase}`}>
                                {row.sourceCase}
                              </Link>
                            </>
                          ) : (
                            row.source
                          )}
                        </td>
                        <td>{row.confidence}</td>
                        <td className="small">{TLP_LABELS[row.tlp]}</td>
                        <td className="small">{row.expiresAt ? formatDate(row.expiresAt) : 'never'}</td>
                        <td className="small">
                          {formatDate(row.createdAt)}
                          <div className="muted">{row.addedBy ?? 'system'}</div>
                        </td>
                        <td>
                          <EntryActions id={row.id} active={!row.falsePositive && !expired} />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          <Pagination page={params.page} pageCount={Math.ceil(total / WATCHLIST_PAGE_SIZE)} total={total} params={pageParams} basePath="/watchlist" />
        </section>
      </div>
    </>
  );
}
