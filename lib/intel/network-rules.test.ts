import { describe, expect, it } from 'vitest';
import { IDENTIFIER_KINDS } from '@/lib/domain';
import { NON_LINKING_KINDS } from './matching';
import { assignNetworkIds, connectedComponents, linkStrength, STRONG_LINK_KINDS, strongestLink, WEAK_LINK_KINDS } from './network-rules';

describe('linkStrength', () => {
  it.each([
    ['email', 'strong'],
    ['phone', 'strong'],
    ['wallet', 'strong'],
    ['address', 'strong'],
    ['device', 'strong'],
    ['resume_hash', 'strong'],
    ['photo_hash', 'strong'],
    ['linkedin', 'strong'],
    ['github', 'strong'],
    ['ip', 'weak'],
    ['name', null],
  ] as const)('%s → %s', (kind, strength) => {
    expect(linkStrength(kind)).toBe(strength);
  });

  it('classifies every identifier kind exactly once: strong, weak or non-linking', () => {
    for (const kind of IDENTIFIER_KINDS) {
      const buckets = [
        (STRONG_LINK_KINDS as readonly string[]).includes(kind),
        (WEAK_LINK_KINDS as readonly string[]).includes(kind),
        NON_LINKING_KINDS.includes(kind),
      ];
      expect(buckets.filter(Boolean), kind).toHaveLength(1);
    }
  });

  it('takes the strongest of several shared kinds', () => {
    expect(strongestLink(['ip', 'email'])).toBe('strong');
    expect(strongestLink(['ip', 'ip'])).toBe('weak');
    expect(strongestLink(['name'])).toBeNull();
    expect(strongestLink([])).toBeNull();
  });
});

describe('connectedComponents', () => {
  it('gives every node its own component when there are no links', () => {
    expect(connectedComponents(['c', 'a', 'b'], [])).toEqual([['a'], ['b'], ['c']]);
  });

  it('joins a chain and a ring, the largest component first, each sorted', () => {
    const links: [string, string][] = [
      ['e', 'd'],
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'a'],
      ['x', 'y'],
    ];
    expect(connectedComponents(['a', 'b', 'c', 'd', 'e', 'x', 'y', 'z'], links)).toEqual([['a', 'b', 'c'], ['d', 'e'], ['x', 'y'], ['z']]);
  });

  it('is transitive: a—b and b—c put a and c in one component though they share nothing', () => {
    expect(connectedComponents(['a', 'b', 'c'], [['a', 'b'], ['c', 'b']])).toEqual([['a', 'b', 'c']]);
  });

  it('adds nodes that appear only in links, and ignores duplicate and reversed links', () => {
    expect(connectedComponents([], [['b', 'a'], ['a', 'b'], ['a', 'b']])).toEqual([['a', 'b']]);
  });

  it('does not depend on the order of the input', () => {
    const links: [string, string][] = [['1', '2'], ['3', '4'], ['2', '5'], ['6', '6']];
    const forward = connectedComponents(['1', '2', '3', '4', '5', '6'], links);
    const backward = connectedComponents(['6', '5', '4', '3', '2', '1'], [...links].reverse());
    expect(backward).toEqual(forward);
    expect(forward).toEqual([['1', '2', '5'], ['3', '4'], ['6']]);
  });
});

describe('assignNetworkIds', () => {
  const fresh = () => {
    let n = 0;
    return () => `new-${++n}`;
  };

  it('leaves a lone case without a network', () => {
    expect(assignNetworkIds([['a']], () => 'old', fresh())).toEqual(new Map([['a', null]]));
  });

  it('gives a new network a new id', () => {
    expect(assignNetworkIds([['a', 'b']], () => null, fresh())).toEqual(new Map([['a', 'new-1'], ['b', 'new-1']]));
  });

  it('keeps the smallest existing id when networks merge', () => {
    const current: Record<string, string | null> = { a: 'n2', b: 'n2', c: 'n1', d: null };
    const assigned = assignNetworkIds([['a', 'b', 'c', 'd']], (id) => current[id], fresh());
    expect([...assigned.values()]).toEqual(['n1', 'n1', 'n1', 'n1']);
  });

  it('on a split, the larger part keeps the id, the other gets a new one, a lone case none', () => {
    const assigned = assignNetworkIds([['d', 'e'], ['a', 'b', 'c'], ['f']], () => 'n1', fresh());
    expect(Object.fromEntries(assigned)).toEqual({ a: 'n1', b: 'n1', c: 'n1', d: 'new-1', e: 'new-1', f: null });
  });

  it('never gives one id to two components', () => {
    const current: Record<string, string> = { a: 'n1', b: 'n2', c: 'n1', d: 'n2' };
    const assigned = assignNetworkIds([['a', 'b'], ['c', 'd']], (id) => current[id], fresh());
    expect(assigned.get('a')).toBe('n1');
    expect(assigned.get('c')).toBe('n2');
  });
});
