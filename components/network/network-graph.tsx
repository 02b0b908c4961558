'use client';
// The graph panel of one identity network. The drawing (network-canvas.tsx: React Flow, and a
// d3-force layout that takes tens of milliseconds for a ring of a dozen cases) is made in the
// browser only. Rendered on the server too, that layout ran twice per view (once for the HTML,
// again when the browser hydrated it), and the server's copy was not even fitted to the panel
// yet. The server now sends the panel at its final size, and the text list beside it
// (NetworkTextList) says everything the graph does, server-rendered; React Flow and d3-force
// load only on pages that show a graph.
import dynamic from 'next/dynamic';
import type { NetworkGraph as NetworkGraphData } from '@/lib/intel/network-queries';
import './network-graph.css';

const NetworkCanvas = dynamic(() => import('./network-canvas').then((m) => m.NetworkCanvas), {
  ssr: false,
  loading: () => <p className="network-graph-loading muted small">Drawing the graph…</p>,
});

export function NetworkGraph({ graph, compact = false, currentReference }: { graph: NetworkGraphData; compact?: boolean; currentReference?: string }) {
  return (
    <div
      className={`network-graph${compact ? ' network-graph-compact' : ''}`}
      role="group"
      aria-label={`Graph of a network of ${graph.size} cases`}
    >
      <NetworkCanvas graph={graph} compact={compact} currentReference={currentReference} />
    </div>
  );
}
