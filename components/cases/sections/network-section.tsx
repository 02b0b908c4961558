// The case's identity network on its case file: how many cases it is joined to, directly or
// through others, a small graph and the same as a list. Shown only for networks of two or more.
import Link from 'next/link';
import { NetworkGraph } from '@/components/network/network-graph';
import { NetworkLegend } from '@/components/network/network-legend';
import { NetworkTextList } from '@/components/network/network-text-list';
import type { CaseFile } from '@/lib/cases/case-file';

export function NetworkSection({ network, reference }: { network: NonNullable<CaseFile['network']>; reference: string }) {
  const others = network.size - 1;
  return (
    <section className="card" aria-labelledby="network-h">
      <div className="spread">
        <h2 id="network-h">Network ({network.size} cases)</h2>
        <Link className="small" href={`/network/${network.networkId}`}>
          Open in network view
        </Link>
      </div>
      <p className="muted small" style={{ marginTop: 0 }}>
        This case shares strong identifiers, directly or through other cases, with {others} other case{others === 1 ? '' : 's'}.
      </p>
      <NetworkGraph graph={network} compact currentReference={reference} />
      <NetworkLegend />
      <details style={{ marginTop: 10 }}>
        <summary>Network as a list</summary>
        <NetworkTextList graph={network} currentReference={reference} />
      </details>
    </section>
  );
}
