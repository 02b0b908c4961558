import type { Metadata } from 'next';
import Link from 'next/link';
import { NetworkGraph } from '@/components/network/network-graph';
import { NetworkLegend } from '@/components/network/network-legend';
import { NetworkTable, networkName } from '@/components/network/network-table';
import { NetworkTextList } from '@/components/network/network-text-list';
import { Pagination } from '@/components/ui/pagination';
import { requirePermission } from '@/lib/auth/session';
import { getNetworkGraph, listNetworks, parseNetworkParams } from '@/lib/intel/network-queries';

export const metadata: Metadata = { title: 'Networks' };

export default async function NetworkPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission('case:read');
  const params = parseNetworkParams(await searchParams);
  const [{ rows, total, pageCount }, graph] = await Promise.all([listNetworks(params.page), params.id ? getNetworkGraph(params.id) : null]);
  const query = (next: { id?: string; page?: number }) => {
    const search = new URLSearchParams();
    if (next.id) search.set('id', next.id);
    if (next.page && next.page > 1) search.set('page', String(next.page));
    const text = search.toString();
    return `/network${text ? `?${text}` : ''}`;
  };

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Networks</h1>
          <p className="muted small" style={{ margin: 0 }}>
            Cases joined by a shared email, phone, wallet, address, device, profile or file hash, directly or through other cases. A
            shared IP is shown but never joins networks; values on the benign list never link.
          </p>
        </div>
      </div>

      {params.id && !graph && <p className="banner banner-warn">That network no longer exists: its cases may have been split or unlinked.</p>}

      {graph && (
        <section className="card" aria-labelledby="graph-h" style={{ marginBottom: 14 }}>
          <div className="spread">
            <h2 id="graph-h">
              {networkName(graph.nodes.map((n) => n.reference).sort())}: {graph.size} cases
            </h2>
            <Link href={query({ page: params.page })} className="small">
              Close graph
            </Link>
          </div>
          <NetworkGraph graph={graph} />
          <NetworkLegend />
          <NetworkTextList graph={graph} />
        </section>
      )}

      <section aria-labelledby="networks-h">
        <h2 id="networks-h" className="sr-only">
          All networks
        </h2>
        {rows.length === 0 ? (
          <div className="card empty">No network yet: cases join one when they share a strong identifier.</div>
        ) : (
          <NetworkTable rows={rows} selectedId={graph?.networkId} graphHref={(id) => query({ id, page: params.page })} />
        )}
        <Pagination page={params.page} pageCount={pageCount} total={total} params={params.id ? { id: params.id } : {}} basePath="/network" />
      </section>
    </>
  );
}
