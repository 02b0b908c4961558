// Reads of the identity networks: the ranked list of /network and the graph of one network
// (its cases and what each pair shares). Networks are stored (cases.network_id, indexed) and
// summarized (network_summaries, kept by triggers), so both are plain indexed reads; the links
// come from identifiers(kind, normalized).
import { asc, count, desc, eq, gte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { anyOf } from '@/lib/db/any-of';
import { getDb, rowsOf } from '@/lib/db/client';
import { cases, identifiers, networkSummaries } from '@/lib/db/schema';
import { CASE_STATUSES, type CaseStatus, type IdentifierKind, type RiskBand } from '@/lib/domain';
import { riskBand } from '@/lib/cases/risk';
import { linkingKind, notBenign } from './matching';
import { linkStrength, MIN_NETWORK_SIZE, strongestLink, type LinkStrength } from './network-rules';

export const NETWORK_PAGE_SIZE = 25;
/** Beyond this many members a graph stops being readable: the highest-risk ones are drawn. */
export const NETWORK_GRAPH_LIMIT = 150;

export const networkParamsSchema = z.object({
  id: z.uuid().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type NetworkParams = z.output<typeof networkParamsSchema>;

export function parseNetworkParams(raw: Record<string, string | string[] | undefined>): NetworkParams {
  const single = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined]));
  return networkParamsSchema.parse(single);
}

export interface NetworkSummary {
  networkId: string;
  size: number;
  maxRisk: number;
  maxRiskBand: RiskBand;
  escalated: number;
  statusCounts: Record<CaseStatus, number>;
  /** Member references, in reference order. */
  references: string[];
}

/** One page of networks (two cases or more), the largest first, then the riskiest: read from the kept summaries. */
export async function listNetworks(page: number): Promise<{ rows: NetworkSummary[]; total: number; pageCount: number }> {
  const db = await getDb();
  const listed = gte(networkSummaries.size, MIN_NETWORK_SIZE);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        networkId: networkSummaries.networkId,
        size: networkSummaries.size,
        maxRisk: networkSummaries.maxRisk,
        references: networkSummaries.memberReferences,
        statuses: networkSummaries.memberStatuses,
      })
      .from(networkSummaries)
      .where(listed)
      .orderBy(desc(networkSummaries.size), desc(networkSummaries.maxRisk), asc(networkSummaries.networkId))
      .limit(NETWORK_PAGE_SIZE)
      .offset((page - 1) * NETWORK_PAGE_SIZE),
    db.select({ total: count() }).from(networkSummaries).where(listed),
  ]);
  return {
    rows: rows.map(({ statuses, ...row }) => {
      const statusCounts = Object.fromEntries(CASE_STATUSES.map((s) => [s, 0])) as Record<CaseStatus, number>;
      for (const status of statuses) statusCounts[status] += 1;
      return { ...row, maxRiskBand: riskBand(row.maxRisk), escalated: statusCounts.escalated, statusCounts };
    }),
    total,
    pageCount: Math.max(1, Math.ceil(total / NETWORK_PAGE_SIZE)),
  };
}

export interface NetworkNode {
  reference: string;
  claimedName: string;
  status: CaseStatus;
  riskScore: number;
  riskBand: RiskBand;
}

export interface NetworkLink {
  /** References of the two cases, in reference order. */
  source: string;
  target: string;
  shared: { kind: IdentifierKind; value: string }[];
  /** Strong links make the network; weak ones (a shared IP) are drawn dashed. */
  strength: LinkStrength;
}

export interface NetworkGraph {
  networkId: string;
  size: number;
  nodes: NetworkNode[];
  links: NetworkLink[];
  /** More members than NETWORK_GRAPH_LIMIT: only the highest-risk ones are in `nodes`. */
  truncated: boolean;
}

/** The cases of one network and every shared, non-benign value between two of them. Null if no such network. */
export async function getNetworkGraph(networkId: string): Promise<NetworkGraph | null> {
  const db = await getDb();
  const members = await db
    .select({ id: cases.id, reference: cases.reference, claimedName: cases.claimedName, status: cases.status, riskScore: cases.riskScore, riskBand: cases.riskBand })
    .from(cases)
    .where(eq(cases.networkId, networkId))
    .orderBy(desc(cases.riskScore), asc(cases.reference))
    .limit(NETWORK_GRAPH_LIMIT + 1);
  if (members.length < MIN_NETWORK_SIZE) return null;
  const truncated = members.length > NETWORK_GRAPH_LIMIT;
  const drawn = members.slice(0, NETWORK_GRAPH_LIMIT);
  const size = truncated ? await db.$count(cases, eq(cases.networkId, networkId)) : drawn.length;

  // Each member's identifiers, and for each value the other members holding it, looked up in
  // the (kind, normalized) index value by value: a join of the members' identifiers with
  // themselves was planned as two sorts on the text values (no statistics on PGlite), slower
  // than the dozens of index probes.
  const ids = drawn.map((m) => m.id);
  const holder = alias(identifiers, 'holder');
  const shared = rowsOf<{ a: string; b: string; kind: IdentifierKind; value: string }>(
    await db.execute(sql`
      select ${identifiers.caseId} as a, other.case_id as b, ${identifiers.kind} as kind, ${identifiers.normalized} as value
      from ${identifiers}
      cross join lateral (
        select ${holder.caseId} as case_id from ${identifiers} as holder
        where ${holder.kind} = ${identifiers.kind} and ${holder.normalized} = ${identifiers.normalized} and ${holder.caseId} > ${identifiers.caseId}
          and ${anyOf(holder.caseId, ids)}
        offset 0) as other
      where ${anyOf(identifiers.caseId, ids)} and ${linkingKind()} and ${notBenign(db)}`),
  );

  const referenceOf = new Map(drawn.map((m) => [m.id, m.reference]));
  const byPair = new Map<string, NetworkLink>();
  for (const row of shared) {
    if (!linkStrength(row.kind)) continue;
    const [source, target] = [referenceOf.get(row.a)!, referenceOf.get(row.b)!].sort();
    const key = `${source}|${target}`;
    const link = byPair.get(key) ?? { source, target, shared: [], strength: 'weak' as LinkStrength };
    link.shared.push({ kind: row.kind, value: row.value });
    byPair.set(key, link);
  }
  const links = [...byPair.values()]
    .map((link) => {
      const ordered = link.shared.sort((x, y) => x.kind.localeCompare(y.kind) || x.value.localeCompare(y.value));
      return { ...link, shared: ordered, strength: strongestLink(ordered.map((s) => s.kind)) ?? 'weak' };
    })
    .sort((x, y) => x.source.localeCompare(y.source) || x.target.localeCompare(y.target));
  const nodes = drawn.map(({ id: _id, ...node }) => node).sort((x, y) => x.reference.localeCompare(y.reference));
  return { networkId, size, nodes, links, truncated };
}
