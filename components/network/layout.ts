// Where each case of a network graph sits: a d3-force simulation run to rest synchronously
// (no animation, no timer), deterministic (d3-force's own seeded random source and its
// phyllotaxis start), rounded to whole pixels so the server and the browser agree.
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force';

export interface LayoutLink {
  source: string;
  target: string;
  strength: 'strong' | 'weak';
}

interface SimNode extends SimulationNodeDatum {
  id: string;
}

const TICKS = 600;

/**
 * A radial tree as the starting point: the best-connected case in the middle, each further
 * breadth-first layer on a wider circle, every subtree in its own slice of the circle. Rings
 * (mostly trees around a hub) then start without crossed edges, and the simulation relaxes
 * from there instead of untangling a random start.
 */
function radialStart(ids: string[], links: LayoutLink[], step: number): Map<string, { x: number; y: number }> {
  const neighbours = new Map(ids.map((id) => [id, [] as string[]]));
  for (const l of links) {
    neighbours.get(l.source)?.push(l.target);
    neighbours.get(l.target)?.push(l.source);
  }
  const byDegree = [...ids].sort((a, b) => neighbours.get(b)!.length - neighbours.get(a)!.length || (a < b ? -1 : a > b ? 1 : 0));
  const children = new Map<string, string[]>(ids.map((id) => [id, []]));
  const roots: string[] = [];
  const seen = new Set<string>();
  for (const start of byDegree) {
    if (seen.has(start)) continue;
    seen.add(start);
    roots.push(start);
    const queue = [start];
    while (queue.length > 0) {
      const id = queue.shift()!;
      for (const next of [...neighbours.get(id)!].sort()) {
        if (seen.has(next)) continue;
        seen.add(next);
        children.get(id)!.push(next);
        queue.push(next);
      }
    }
  }
  const leaves = new Map<string, number>();
  const countLeaves = (id: string): number => {
    const n = Math.max(1, children.get(id)!.reduce((sum, c) => sum + countLeaves(c), 0));
    leaves.set(id, n);
    return n;
  };
  roots.forEach(countLeaves);
  const positions = new Map<string, { x: number; y: number }>();
  const place = (id: string, from: number, to: number, depth: number) => {
    const angle = (from + to) / 2;
    positions.set(id, { x: depth * step * Math.cos(angle), y: depth * step * Math.sin(angle) });
    let at = from;
    for (const child of children.get(id)!) {
      const share = ((to - from) * leaves.get(child)!) / leaves.get(id)!;
      place(child, at, at + share, depth + 1);
      at += share;
    }
  };
  // One tree in the middle; several (a truncated graph) side by side around the centre.
  const total = roots.reduce((sum, r) => sum + leaves.get(r)!, 0);
  let at = 0;
  for (const root of roots) {
    const share = (2 * Math.PI * leaves.get(root)!) / total;
    place(root, at, at + share, roots.length === 1 ? 0 : 1);
    at += share;
  }
  return positions;
}

type Point = { x: number; y: number };

function simulate(ids: string[], links: LayoutLink[], spacing: number, spread: number, start: Map<string, Point> | null): Map<string, Point> {
  const nodes: SimNode[] = ids.map((id) => ({ id, ...start?.get(id) }));
  const simLinks = links.map((l) => ({ source: l.source, target: l.target, strength: l.strength }));
  const simulation = forceSimulation(nodes)
    .force(
      'link',
      forceLink<SimNode, SimulationLinkDatum<SimNode> & { strength: LayoutLink['strength'] }>(simLinks)
        .id((n) => n.id)
        // Weak links (a shared IP) pull less and sit further out: they do not make the ring.
        .distance((l) => (l.strength === 'strong' ? spacing * 1.6 : spacing * 2.2) * spread)
        .strength((l) => (l.strength === 'strong' ? 0.6 : 0.1)),
    )
    .force('charge', forceManyBody<SimNode>().strength(-spacing * 12 * spread))
    // Circles wider than the boxes: no two boxes overlap whichever way the layout is turned.
    .force('collide', forceCollide<SimNode>(spacing * 0.8))
    .force('center', forceCenter(0, 0))
    // Cool slowly (twice the default ticks): more time to untangle crossings.
    .alphaDecay(1 - Math.pow(0.001, 1 / TICKS))
    .stop();
  for (let i = 0; i < TICKS; i++) simulation.tick();
  return new Map(nodes.map((n) => [n.id, { x: n.x ?? 0, y: n.y ?? 0 }]));
}

/** Turns the layout so its long axis is horizontal: the graph panels are wide, not tall. */
function alignLongAxis(points: Map<string, Point>): Map<string, Point> {
  const all = [...points.values()];
  const mx = all.reduce((s, p) => s + p.x, 0) / all.length;
  const my = all.reduce((s, p) => s + p.y, 0) / all.length;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (const p of all) {
    sxx += (p.x - mx) ** 2;
    syy += (p.y - my) ** 2;
    sxy += (p.x - mx) * (p.y - my);
  }
  const theta = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  const [cos, sin] = [Math.cos(-theta), Math.sin(-theta)];
  return new Map([...points].map(([id, p]) => [id, { x: (p.x - mx) * cos - (p.y - my) * sin, y: (p.x - mx) * sin + (p.y - my) * cos }]));
}

/** How many pairs of straight edges (not sharing an end) cross. */
export function countCrossings(points: Map<string, Point>, links: LayoutLink[]): number {
  const cross = (a: Point, b: Point, c: Point) => (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
  let crossings = 0;
  for (let i = 0; i < links.length; i++) {
    for (let j = i + 1; j < links.length; j++) {
      const [l, m] = [links[i], links[j]];
      if (l.source === m.source || l.source === m.target || l.target === m.source || l.target === m.target) continue;
      const [a, b, c, d] = [points.get(l.source)!, points.get(l.target)!, points.get(m.source)!, points.get(m.target)!];
      if (Math.sign(cross(a, b, c)) * Math.sign(cross(a, b, d)) < 0 && Math.sign(cross(c, d, a)) * Math.sign(cross(c, d, b)) < 0) crossings += 1;
    }
  }
  return crossings;
}

/** Above this many cases one simulation is enough (and keeps rendering fast). */
const CANDIDATE_LIMIT = 60;

/**
 * Top-left positions of node boxes of the given size, centred around the origin. Two starts
 * are simulated (d3's own spiral and a radial tree) and the one with fewer crossed edges wins.
 * `spread` below 1 packs the graph tighter (the small graph of a case file).
 */
export function layoutNetwork(
  ids: string[],
  links: LayoutLink[],
  box: { width: number; height: number },
  { spread = 1 }: { spread?: number } = {},
): Map<string, Point> {
  const known = new Set(ids);
  const drawn = links.filter((l) => known.has(l.source) && known.has(l.target));
  // Boxes are wider than tall: keep centres a box width and a label apart.
  const spacing = Math.max(box.width, box.height);
  const starts = ids.length <= CANDIDATE_LIMIT ? [null, radialStart(ids, drawn, spacing * 1.6 * spread)] : [null];
  let best: { points: Map<string, Point>; crossings: number } | null = null;
  for (const start of starts) {
    const points = alignLongAxis(simulate(ids, drawn, spacing, spread, start));
    const crossings = countCrossings(points, drawn);
    if (!best || crossings < best.crossings) best = { points, crossings };
  }
  return new Map([...best!.points].map(([id, p]) => [id, { x: Math.round(p.x - box.width / 2), y: Math.round(p.y - box.height / 2) }]));
}
