// Watchlist entries that match many values: IP ranges (CIDR: a VPN provider's or a hosting
// company's blocks, an office range on the benign list) and email domains (a throwaway-mail
// provider, and every subdomain of it). Ranges are matched by PostgreSQL's network operators
// (`ip_range >>= address`, GiST inet_ops index); domains by looking up each suffix of an
// email's domain in the (kind, normalized) index. Each stays its own indexed lookup;
// matching.ts unites them with the exact-value hits in one statement.
import { and, eq, gt, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import ipaddr from 'ipaddr.js';
import { anyOf } from '@/lib/db/any-of';
import { isConstant } from '@/lib/db/constant';
import type { DbOrTx } from '@/lib/db/client';
import { identifiers, watchlist } from '@/lib/db/schema';
import type { WatchlistKind } from '@/lib/domain';
import { normalizeIdentifier, type NormalizeResult } from './normalize';

type WatchlistEntry = typeof watchlist.$inferSelect;

/** "203.0.113.7/24" → "203.0.113.0/24": the network a CIDR names, in canonical form. */
export function normalizeCidr(raw: string): NormalizeResult {
  const trimmed = raw.trim();
  if (!ipaddr.isValidCIDR(trimmed)) return { ok: false, error: 'Not an IP range (use CIDR, e.g. 203.0.113.0/24).' };
  const [address, prefix] = ipaddr.parseCIDR(trimmed);
  if (address.kind() === 'ipv4' && !ipaddr.IPv4.isValidFourPartDecimal(trimmed.split('/')[0])) {
    return { ok: false, error: 'Write IPv4 ranges as four decimal parts, e.g. 203.0.113.0/24.' };
  }
  const network = address.kind() === 'ipv4' ? ipaddr.IPv4.networkAddressFromCIDR(trimmed) : ipaddr.IPv6.networkAddressFromCIDR(trimmed);
  // A range wider than /8 (IPv4) or /16 (IPv6) would flag a continent: refuse it.
  if ((address.kind() === 'ipv4' && prefix < 8) || (address.kind() === 'ipv6' && prefix < 16)) {
    return { ok: false, error: 'That range is too wide to mean anything (at most /8 for IPv4, /16 for IPv6).' };
  }
  return { ok: true, value: `${network.toString()}/${prefix}` };
}

/** "@Mail.Example.COM", "*.example.com" and "example.com" are one domain entry. */
export function normalizeEmailDomain(raw: string): NormalizeResult {
  const domain = raw.trim().toLowerCase().replace(/^\*?@/, '').replace(/^\*\./, '').replace(/\.$/, '');
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain)) return { ok: false, error: 'Not an email domain (e.g. throwaway.example).' };
  return { ok: true, value: domain };
}

/** A watchlist value: an IP may be a range, an email_domain a domain; others are identifiers. */
export function normalizeWatchlistValue(kind: WatchlistKind, raw: string): NormalizeResult {
  if (kind === 'email_domain') return normalizeEmailDomain(raw);
  if (kind === 'ip' && raw.includes('/')) return normalizeCidr(raw);
  return normalizeIdentifier(kind, raw);
}

/** The ip_range column of an entry: every ip entry is a network (a lone address is /32 or /128). */
export function ipRangeOf(kind: WatchlistKind, normalized: string): string | null {
  return kind === 'ip' ? normalized : null;
}

/**
 * SQL condition: the watchlist entry in scope is on `list`, not marked a false positive and
 * not expired. Its constants are in the text (lib/db/constant.ts): the one-case reads keep
 * their generic plans.
 */
export function activeEntry(list: 'block' | 'benign') {
  return and(isConstant(watchlist.list, list), isConstant(watchlist.falsePositive, false), or(isNull(watchlist.expiresAt), gt(watchlist.expiresAt, sql`now()`)));
}

/** SQL condition: the identifier row in scope is an IP inside an active benign range. */
export function inBenignRange() {
  // CASE keeps the ::inet cast away from rows of other kinds.
  return sql`case when ${identifiers.kind} = 'ip' then exists (select 1 from ${watchlist} where ${activeEntry('benign')} and ${watchlist.kind} = 'ip' and ${watchlist.ipRange} >>= ${identifiers.normalized}::inet) else false end`;
}

/**
 * The columns every kind of watchlist hit is read with: matching.ts unites the exact, range
 * and domain hits in one statement, ordered by `part` (1, 2, 3) first. `matched` is the range
 * or domain that matched (null for an exact value).
 */
export function hitColumns(
  part: 1 | 2 | 3,
  matched: SQL<string | null>,
  /** Where the entry's source and confidence come from: the watchlist row, or a subquery's columns. */
  entry: { source: SQL<string> | typeof watchlist.source; confidence: SQL<WatchlistEntry['confidence']> | typeof watchlist.confidence } = watchlist,
) {
  return {
    part: sql<number>`${sql.raw(String(part))}`,
    subjectId: identifiers.caseId,
    kind: identifiers.kind,
    value: identifiers.value,
    source: entry.source,
    confidence: entry.confidence,
    matched,
  };
}

/** SQL condition: the entry in scope was not put there by the escalation of the identifier's own case. */
export function notOwn() {
  return or(isNull(watchlist.sourceCaseId), ne(watchlist.sourceCaseId, identifiers.caseId));
}

/**
 * Active block ranges (true ranges: exact ip entries are matching.ts's) holding one of these
 * cases' IPs, by the GiST index on ip_range, probed IP by IP: the whole lookup is a LATERAL
 * subquery whose OFFSET 0 keeps PostgreSQL from turning the join around. Planned as a join,
 * for a dozen cases it read all 300,000 block IP entries to test each against the cases' IPs
 * (406 ms; 2.8 ms for the whole read this way, its range part about 1 ms).
 */
export function rangeHits(db: DbOrTx, caseIds: string[]) {
  const range = sql`lateral (
    select ${watchlist.source} as source, ${watchlist.confidence} as confidence, ${watchlist.normalized} as normalized from ${watchlist}
    where ${watchlist.ipRange} >>= (case when ${identifiers.kind} = 'ip' then ${identifiers.normalized}::inet end)
      and ${isConstant(watchlist.kind, 'ip')} and masklen(${watchlist.ipRange}) < (case when family(${watchlist.ipRange}) = 4 then 32 else 128 end)
      and ${activeEntry('block')} and ${notOwn()}
    offset 0) as range_hit`;
  return db
    .select(hitColumns(2, sql<string | null>`range_hit.normalized`, { source: sql<string>`range_hit.source`, confidence: sql<WatchlistEntry['confidence']>`range_hit.confidence` }))
    .from(identifiers)
    .innerJoin(range, sql`true`)
    .where(and(anyOf(identifiers.caseId, caseIds), isConstant(identifiers.kind, 'ip')));
}

/**
 * Active block domains matching one of these cases' emails: each suffix of the email's domain
 * of two labels or more ("a@mx.mail.example.com": mx.mail.example.com, mail.example.com,
 * example.com) looked up in the (kind, normalized) index.
 */
export function domainHits(db: DbOrTx, caseIds: string[]) {
  const suffixes = sql`lateral (
    select array_to_string(labels[n:], '.') as domain
    from (select string_to_array(substring(${identifiers.normalized} from '@([^@]*)$'), '.') as labels) as split,
         generate_series(1, cardinality(labels) - 1) as n
  ) as suffix`;
  return db
    .select(hitColumns(3, sql<string | null>`${watchlist.normalized}`))
    .from(identifiers)
    .innerJoin(suffixes, sql`true`)
    .innerJoin(watchlist, and(isConstant(watchlist.kind, 'email_domain'), sql`${watchlist.normalized} = suffix.domain`))
    .where(and(anyOf(identifiers.caseId, caseIds), isConstant(identifiers.kind, 'email'), activeEntry('block'), notOwn()));
}

/** Cases holding a value this range or domain entry covers: whose scores adding it moves. */
export async function casesMatchingPattern(db: DbOrTx, kind: WatchlistKind, normalized: string): Promise<string[]> {
  let rows: { caseId: string }[] = [];
  if (kind === 'ip' && normalized.includes('/')) {
    rows = await db
      .selectDistinct({ caseId: identifiers.caseId })
      .from(identifiers)
      .where(and(eq(identifiers.kind, 'ip'), sql`(case when ${identifiers.kind} = 'ip' then ${identifiers.normalized}::inet end) <<= ${normalized}::cidr`));
  } else if (kind === 'email_domain') {
    rows = await db
      .selectDistinct({ caseId: identifiers.caseId })
      .from(identifiers)
      .where(and(eq(identifiers.kind, 'email'), or(sql`${identifiers.normalized} like ${`%@${normalized}`}`, sql`${identifiers.normalized} like ${`%.${normalized}`}`)));
  }
  return rows.map((r) => r.caseId);
}
