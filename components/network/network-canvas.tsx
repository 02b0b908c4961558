'use client';
// The drawing inside a network graph panel (network-graph.tsx loads it, in the browser only):
// cases as nodes (coloured by status, with their risk), edges labelled with what two cases
// share, weak links (a shared IP) dashed. React Flow draws it; d3-force places the nodes once,
// synchronously. Each node is a link to its case file, so a click or Enter opens the case.
import '@xyflow/react/dist/style.css';
import { Controls, Handle, Position, ReactFlow, type Edge, type Node, type NodeProps } from '@xyflow/react';
import Link from 'next/link';
import { useMemo } from 'react';
import { STATUS_LABELS, type CaseStatus, type RiskBand } from '@/lib/domain';
import type { NetworkGraph as NetworkGraphData } from '@/lib/intel/network-queries';
import { layoutNetwork } from './layout';
import { sharedKindsLabel } from './labels';

type CaseNodeData = {
  reference: string;
  claimedName: string;
  status: CaseStatus;
  riskScore: number;
  riskBand: RiskBand;
  current: boolean;
  compact: boolean;
};
type CaseNode = Node<CaseNodeData, 'case'>;

const BOX = { full: { width: 176, height: 64 }, compact: { width: 176, height: 50 } };

function CaseNodeView({ data }: NodeProps<CaseNode>) {
  return (
    <>
      <Handle type="target" position={Position.Top} isConnectable={false} className="network-handle" />
      <Link
        href={`/cases/${data.reference}`}
        className={`network-node nopan network-node-${data.status}${data.current ? ' network-node-current' : ''}`}
        aria-current={data.current ? 'page' : undefined}
      >
        <span className="network-node-ref">{data.reference}</span>
        {!data.compact && <span className="network-node-name">{data.claimedName}</span>}
        <span className="network-node-meta">
          {STATUS_LABELS[data.status]} · risk <strong>{data.riskScore}</strong>
          <span className="sr-only"> ({data.riskBand})</span>
        </span>
      </Link>
      <Handle type="source" position={Position.Bottom} isConnectable={false} className="network-handle" />
    </>
  );
}

const NODE_TYPES = { case: CaseNodeView };

export function NetworkCanvas({ graph, compact = false, currentReference }: { graph: NetworkGraphData; compact?: boolean; currentReference?: string }) {
  const { nodes, edges } = useMemo(() => {
    const box = compact ? BOX.compact : BOX.full;
    const positions = layoutNetwork(
      graph.nodes.map((n) => n.reference),
      graph.links,
      box,
      { spread: compact ? 0.75 : 1 },
    );
    const nodes: CaseNode[] = graph.nodes.map((n) => ({
      id: n.reference,
      type: 'case',
      position: positions.get(n.reference) ?? { x: 0, y: 0 },
      data: { ...n, current: n.reference === currentReference, compact },
      width: box.width,
      height: box.height,
    }));
    const edges: Edge[] = graph.links.map((l) => ({
      id: `${l.source}--${l.target}`,
      source: l.source,
      target: l.target,
      type: 'straight',
      label: sharedKindsLabel(l.shared),
      className: l.strength === 'weak' ? 'network-edge-weak' : 'network-edge-strong',
      style: l.strength === 'weak' ? { strokeDasharray: '6 5', stroke: '#8a94a6', strokeWidth: 1.5 } : { stroke: '#3b4a66', strokeWidth: 2.25 },
      labelStyle: { fontSize: compact ? 10 : 11, fill: l.strength === 'weak' ? '#5b6576' : '#1b2230' },
      labelBgStyle: { fill: '#ffffff', fillOpacity: 0.92 },
      labelBgPadding: [4, 2] as [number, number],
      labelBgBorderRadius: 3,
    }));
    return { nodes, edges };
  }, [graph, compact, currentReference]);

  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={NODE_TYPES}
      fitView
      fitViewOptions={{ padding: compact ? 0.12 : 0.18, maxZoom: 1.1 }}
      minZoom={0.2}
      maxZoom={2}
      nodesDraggable={false}
      nodesConnectable={false}
      elementsSelectable={false}
      // The links inside the nodes take the focus; no second tab stop per node or edge.
      nodesFocusable={false}
      edgesFocusable={false}
      // The page scrolls past the graph; zoom with the buttons or a pinch.
      zoomOnScroll={false}
      preventScrolling={false}
      zoomOnDoubleClick={false}
    >
      {!compact && <Controls showInteractive={false} />}
    </ReactFlow>
  );
}
