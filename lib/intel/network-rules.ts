// The rules of identity networks, pure: which shared identifier kinds are strong enough to
// join two cases into one network, and how networks (connected components) are cut from a
// list of links. The database side is lib/intel/networks.ts.
import type { IdentifierKind } from '@/lib/domain';

/**
 * A shared value of these kinds points at one person, one inbox, one payout or one device:
 * two applicants holding it are very likely one operation, so it joins their networks.
 */
export const STRONG_LINK_KINDS = [
  'email',
  'phone',
  'wallet',
  'address',
  'device',
  'resume_hash',
  'photo_hash',
  'linkedin',
  'github',
] as const satisfies readonly IdentifierKind[];

/**
 * An IP is shared by everyone behind an office NAT, a university or a public VPN exit: it is
 * shown as a (weak) link and still counts in the risk score, but weak links alone never merge
 * networks, or one commercial VPN would fuse unrelated applicants into a single "ring".
 */
export const WEAK_LINK_KINDS = ['ip'] as const satisfies readonly IdentifierKind[];

export type LinkStrength = 'strong' | 'weak';

/** How a shared value of this kind links two cases; null when it never links (names). */
export function linkStrength(kind: IdentifierKind): LinkStrength | null {
  if ((STRONG_LINK_KINDS as readonly IdentifierKind[]).includes(kind)) return 'strong';
  if ((WEAK_LINK_KINDS as readonly IdentifierKind[]).includes(kind)) return 'weak';
  return null;
}

/** The strongest of the links two cases share. */
export function strongestLink(kinds: Iterable<IdentifierKind>): LinkStrength | null {
  let best: LinkStrength | null = null;
  for (const kind of kinds) {
    const strength = linkStrength(kind);
    if (strength === 'strong') return 'strong';
    if (strength === 'weak') best = 'weak';
  }
  return best;
}

/**
 * A "personal" value held by more applicants than this is not personal: a recruiting
 * agency's switchboard, a shared mail relay, a co-working space's address. It is shown and
 * scored like a weak link (once, lightly) and never joins networks, or one agency would fuse
 * all its honest candidates into a "ring". Above the largest ring seen in public reporting
 * of one facilitator's identities per employer (a dozen); a larger operation still links
 * through its other shared values, and its escalated members put this one on the watchlist.
 */
export const MAX_PERSONAL_HOLDERS = 15;

/** Smallest network that is worth listing: a case alone is not a network. */
export const MIN_NETWORK_SIZE = 2;

/**
 * Connected components of an undirected graph, each sorted, the largest first (ties by
 * their first id), so the result is the same whatever order the links came in.
 */
export function connectedComponents(nodes: Iterable<string>, links: Iterable<readonly [string, string]>): string[][] {
  const neighbours = new Map<string, Set<string>>();
  const ensure = (id: string) => {
    let set = neighbours.get(id);
    if (!set) neighbours.set(id, (set = new Set()));
    return set;
  };
  for (const id of nodes) ensure(id);
  for (const [a, b] of links) {
    ensure(a).add(b);
    ensure(b).add(a);
  }
  const seen = new Set<string>();
  const components: string[][] = [];
  for (const start of neighbours.keys()) {
    if (seen.has(start)) continue;
    const component: string[] = [];
    const stack = [start];
    seen.add(start);
    while (stack.length > 0) {
      const id = stack.pop() as string;
      component.push(id);
      for (const next of neighbours.get(id) ?? []) {
        if (!seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
    components.push(component.sort());
  }
  return components.sort((a, b) => b.length - a.length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/**
 * Which network id each component keeps. A network keeps the smallest id its members
 * already had (so links to /network/{id} survive growth), unless a larger component of the
 * same batch claimed it first (a split: the bigger part keeps the name, the rest get new
 * ids). Components below MIN_NETWORK_SIZE get null: a lone case belongs to no network.
 */
export function assignNetworkIds(
  components: string[][],
  currentId: (caseId: string) => string | null,
  newId: () => string,
): Map<string, string | null> {
  const assigned = new Map<string, string | null>();
  const taken = new Set<string>();
  // Largest first, so in a split the larger part keeps the existing id.
  const ordered = [...components].sort((a, b) => b.length - a.length);
  for (const component of ordered) {
    let id: string | null = null;
    if (component.length >= MIN_NETWORK_SIZE) {
      const existing = [...new Set(component.map(currentId).filter((c): c is string => c !== null && !taken.has(c)))].sort();
      id = existing[0] ?? newId();
      taken.add(id);
    }
    for (const caseId of component) assigned.set(caseId, id);
  }
  return assigned;
}
