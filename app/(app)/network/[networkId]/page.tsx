// One identity network: its graph, what the colours mean, and the same as text (members and,
// pair by pair, what they share). The ranking of all networks is /network; this page renders
// only the chosen one, so it stays small however many networks there are.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { NetworkGraph } from '@/components/network/network-graph';
import { NetworkLegend } from '@/components/network/network-legend';
import { networkName } from '@/components/network/network-table';
import { NetworkTextList } from '@/components/network/network-text-list';
import { requirePermission } from '@/lib/auth/session';
import { getNetworkGraph } from '@/lib/intel/network-queries';

export const metadata: Metadata = { title: 'Network' };

export default async function NetworkDetailPage({ params }: { params: Promise<{ networkId: string }> }) {
  await requirePermission('case:read');
  const networkId = z.uuid().safeParse((await params).networkId);
  if (!networkId.success) notFound();
  const graph = await getNetworkGraph(networkId.data);
  // A network ends when its cases are unlinked or split; its old address then finds nothing.
  if (!graph) notFound();
  const name = networkName(graph.nodes.map((n) => n.reference).sort());

  return (
    <>
      <div className="page-header">
        <div>
          <h1>
            {name}: {graph.size} cases
          </h1>
          <p className="muted small" style={{ margin: 0 }}>
            Cases joined by shared strong identifiers, directly or through other cases. Click a case to open its file.
          </p>
        </div>
        <Link href="/network" className="small">
          All networks
        </Link>
      </div>
      <section className="card" aria-labelledby="graph-h">
        <h2 id="graph-h" className="sr-only">
          Graph
        </h2>
        <NetworkGraph graph={graph} />
        <NetworkLegend />
        <NetworkTextList graph={graph} />
      </section>
    </>
  );
}
