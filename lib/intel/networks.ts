// Identity networks, stored: cases.network_id names the connected component of strong
// identifier links a case belongs to (lib/intel/network-rules.ts says which links are
// strong). Every step that can add or cut a link calls updateNetworks inside its own
// transaction, after lockCaseGraph, so the stored networks never lag the identifiers.
//
// A lone case has network_id null: a network is two cases or more.
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { anyOf } from '@/lib/db/any-of';
import { rowsOf, type DbOrTx } from '@/lib/db/client';
import { cases, identifiers } from '@/lib/db/schema';
import type { FuzzyKind } from './fuzzy/fuzzy-matches';
import { LinkLookups } from './link-lookups';
import { holdersUpTo, notBenign, otherHolders } from './matching';
import { assignNetworkIds, connectedComponents, MAX_PERSONAL_HOLDERS, STRONG_LINK_KINDS } from './network-rules';

// Bounds each lookup statement and its result (ids go as one array parameter, so no bind limit applies).
const BATCH = 5000;
function batches<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

export interface NetworkUpdate {
  /**
   * Cases whose network gained or lost members (merged, split, joined, left): their
   * network-derived risk signals may have moved, so callers re-score them.
   */
  affected: string[];
}

/** Fuzzy matches strong enough to join networks; names never do (honest strangers share them). */
const LINKING_FUZZY_KINDS: readonly FuzzyKind[] = ['email_local', 'resume'];

/** Pairs (case in `caseIds`, other case) sharing a strong, non-benign normalized value or a strong fuzzy match. */
async function strongNeighbours(db: DbOrTx, caseIds: string[], lookups: LinkLookups): Promise<[string, string][]> {
  const pairs: [string, string][] = [];
  for (const batch of batches(caseIds)) {
    // A value held by more than MAX_PERSONAL_HOLDERS cases is infrastructure: it never links.
    const rows = rowsOf<{ from: string; to: string }>(
      await db.execute(sql`
        select distinct ${identifiers.caseId} as "from", held.case_id as "to"
        from ${identifiers} ${holdersUpTo(MAX_PERSONAL_HOLDERS)}
        where ${anyOf(identifiers.caseId, batch)} and ${inArray(identifiers.kind, [...STRONG_LINK_KINDS])} and ${notBenign(db)}
          and held.case_id <> ${identifiers.caseId} and held.holders <= ${MAX_PERSONAL_HOLDERS}`),
    );
    for (const row of rows) pairs.push([row.from, row.to]);
    // One distinctive email handle at two providers, or one recycled résumé, binds as hard.
    for (const [from, matches] of await lookups.fuzzyOf(batch)) {
      for (const match of matches) if (LINKING_FUZZY_KINDS.includes(match.kind)) pairs.push([from, match.to]);
    }
  }
  return pairs;
}

/** Cases holding a strong value that one of these cases holds, however many hold it. */
async function coHolders(db: DbOrTx, caseIds: string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const batch of batches(caseIds)) {
    const rows = rowsOf<{ id: string }>(
      await db.execute(sql`
        select distinct held.case_id as "id"
        from ${identifiers} ${otherHolders()}
        where ${anyOf(identifiers.caseId, batch)} and ${inArray(identifiers.kind, [...STRONG_LINK_KINDS])}`),
    );
    for (const row of rows) found.add(row.id);
  }
  return [...found];
}

/**
 * Recomputes the networks touching these cases and stores the result. It walks strong links
 * outward from the given cases and from every former member of their networks (so a link cut
 * by a new benign entry splits a network), which bounds the work by the size of the networks
 * involved, never the whole table.
 */
export async function updateNetworks(db: DbOrTx, caseIds: Iterable<string>, lookups = new LinkLookups(db)): Promise<NetworkUpdate> {
  const current = new Map<string, string | null>();
  const visited = new Set<string>();
  const seenNetworks = new Set<string>();
  const links: [string, string][] = [];
  // Co-holders of the given cases' strong values too: a value that just became widely held
  // (MAX_PERSONAL_HOLDERS) stops linking, and the networks it held together must be re-cut.
  let frontier = [...new Set([...caseIds, ...(await coHolders(db, [...new Set(caseIds)]))])];

  // One query at a time: inside a transaction they share one connection.
  while (frontier.length > 0) {
    for (const id of frontier) visited.add(id);
    const discovered = new Set<string>();

    const rows: { id: string; networkId: string | null }[] = [];
    for (const batch of batches(frontier)) {
      rows.push(...(await db.select({ id: cases.id, networkId: cases.networkId }).from(cases).where(anyOf(cases.id, batch))));
    }
    for (const row of rows) current.set(row.id, row.networkId);
    const newNetworks = [...new Set(rows.map((r) => r.networkId).filter((n): n is string => n !== null && !seenNetworks.has(n)))];
    if (newNetworks.length > 0) {
      for (const n of newNetworks) seenNetworks.add(n);
      // Former members count too: if the link that held them is gone, they must split off.
      const members = await db.select({ id: cases.id, networkId: cases.networkId }).from(cases).where(anyOf(cases.networkId, newNetworks));
      for (const member of members) {
        current.set(member.id, member.networkId);
        if (!visited.has(member.id)) discovered.add(member.id);
      }
    }

    for (const [from, to] of await strongNeighbours(db, frontier, lookups)) {
      links.push([from, to]);
      if (!visited.has(to)) discovered.add(to);
    }
    frontier = [...discovered].filter((id) => !visited.has(id));
  }

  const components = connectedComponents(visited, links);
  const assigned = assignNetworkIds(components, (id) => current.get(id) ?? null, randomUUID);

  const formerSize = new Map<string, number>();
  for (const networkId of current.values()) if (networkId) formerSize.set(networkId, (formerSize.get(networkId) ?? 0) + 1);

  const affected: string[] = [];
  const moves: { id: string; networkId: string | null }[] = [];
  for (const component of components) {
    const id = assigned.get(component[0]) ?? null;
    const unchanged = component.every((c) => (current.get(c) ?? null) === id) && (id === null || formerSize.get(id) === component.length);
    if (!unchanged) affected.push(...component);
    for (const caseId of component) if ((current.get(caseId) ?? null) !== id) moves.push({ id: caseId, networkId: id });
  }
  // Every move in one statement, however many networks formed, grew, merged or split (the
  // ids repeated as an array, so the rows are found by the primary key, not by a scan).
  if (moves.length > 0) {
    await db.execute(sql`
      update ${cases} set network_id = v.network_id
      from json_to_recordset(${JSON.stringify(moves.map((m) => ({ id: m.id, network_id: m.networkId })))}::json) as v(id uuid, network_id uuid)
      where ${cases.id} = v.id and ${anyOf(cases.id, moves.map((m) => m.id))}`);
  }
  return { affected };
}

/** Every case of this case's network, itself included (just itself when it has none). */
export async function networkMembers(db: DbOrTx, caseId: string): Promise<string[]> {
  const member = alias(cases, 'member');
  const rows = await db
    .select({ id: member.id })
    .from(cases)
    .innerJoin(member, eq(member.networkId, cases.networkId))
    .where(and(eq(cases.id, caseId), isNotNull(cases.networkId)));
  return rows.length > 0 ? rows.map((r) => r.id) : [caseId];
}

/**
 * Recomputes every network from scratch: for a database whose cases predate stored networks
 * (or after a benign entry expired on its own, which no step observes). Call it inside a
 * transaction that holds lockCaseGraph.
 */
export async function rebuildNetworks(db: DbOrTx): Promise<NetworkUpdate> {
  const all = await db.select({ id: cases.id }).from(cases);
  if (all.length === 0) return { affected: [] };
  return updateNetworks(db, all.map((r) => r.id));
}
