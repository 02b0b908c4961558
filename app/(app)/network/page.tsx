import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { NetworkTable } from '@/components/network/network-table';
import { Pagination } from '@/components/ui/pagination';
import { requirePermission } from '@/lib/auth/session';
import { listNetworks, parseNetworkParams } from '@/lib/intel/network-queries';

export const metadata: Metadata = { title: 'Networks' };

export default async function NetworkPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission('case:read');
  const params = parseNetworkParams(await searchParams);
  // Addresses of one network before it had a page of its own (/network?id=…) still lead to it.
  if (params.id) redirect(`/network/${params.id}`);
  const { rows, total, pageCount } = await listNetworks(params.page);

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

      <section aria-labelledby="networks-h">
        <h2 id="networks-h" className="sr-only">
          All networks
        </h2>
        {rows.length === 0 ? (
          <div className="card empty">No network yet: cases join one when they share a strong identifier.</div>
        ) : (
          <NetworkTable rows={rows} />
        )}
        <Pagination page={params.page} pageCount={pageCount} total={total} params={{}} basePath="/network" />
      </section>
    </>
  );
}
