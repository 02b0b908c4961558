import { describe, expect, it } from 'vitest';
import { countCrossings, layoutNetwork, type LayoutLink } from './layout';

const BOX = { width: 176, height: 64 };
const ring = ['HW-1', 'HW-2', 'HW-3', 'HW-4', 'HW-5'];
const links: LayoutLink[] = [
  { source: 'HW-1', target: 'HW-2', strength: 'strong' },
  { source: 'HW-1', target: 'HW-3', strength: 'strong' },
  { source: 'HW-1', target: 'HW-4', strength: 'strong' },
  { source: 'HW-2', target: 'HW-5', strength: 'strong' },
  { source: 'HW-3', target: 'HW-4', strength: 'weak' },
];

describe('layoutNetwork', () => {
  it('places every node, on whole pixels', () => {
    const positions = layoutNetwork(ring, links, BOX);
    expect([...positions.keys()]).toEqual(ring);
    for (const { x, y } of positions.values()) {
      expect(Number.isInteger(x)).toBe(true);
      expect(Number.isInteger(y)).toBe(true);
    }
  });

  it('is deterministic, so the server and the browser draw the same graph', () => {
    expect(layoutNetwork(ring, links, BOX)).toEqual(layoutNetwork(ring, links, BOX));
  });

  it('keeps node boxes from overlapping', () => {
    const positions = [...layoutNetwork(ring, links, BOX).values()];
    for (let i = 0; i < positions.length; i++) {
      for (let j = i + 1; j < positions.length; j++) {
        const apart = Math.abs(positions[i].x - positions[j].x) >= BOX.width || Math.abs(positions[i].y - positions[j].y) >= BOX.height;
        expect(apart, `nodes ${i} and ${j}`).toBe(true);
      }
    }
  });

  it('ignores links to nodes it was not given', () => {
    const positions = layoutNetwork(['HW-1', 'HW-2'], [...links, { source: 'HW-1', target: 'HW-9', strength: 'strong' }], BOX);
    expect(positions.size).toBe(2);
  });

  it('lays a chain out without crossings, its long axis horizontal (the panels are wide)', () => {
    const chain = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const chainLinks: LayoutLink[] = chain.slice(1).map((id, i) => ({ source: chain[i], target: id, strength: 'strong' }));
    const positions = layoutNetwork(chain, chainLinks, BOX);
    expect(countCrossings(positions, chainLinks)).toBe(0);
    const xs = [...positions.values()].map((p) => p.x);
    const ys = [...positions.values()].map((p) => p.y);
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(Math.max(...ys) - Math.min(...ys));
  });
});

describe('countCrossings', () => {
  const at = (entries: [string, number, number][]) => new Map(entries.map(([id, x, y]) => [id, { x, y }]));
  const link = (source: string, target: string): LayoutLink => ({ source, target, strength: 'strong' });

  it('counts an X once, and not edges that only share an end', () => {
    const square = at([['a', 0, 0], ['b', 10, 10], ['c', 0, 10], ['d', 10, 0]]);
    expect(countCrossings(square, [link('a', 'b'), link('c', 'd')])).toBe(1);
    expect(countCrossings(square, [link('a', 'c'), link('b', 'd')])).toBe(0);
    expect(countCrossings(square, [link('a', 'b'), link('b', 'c')])).toBe(0);
  });
});
