// What links cases: their normalized identifiers, the fuzzy match keys and résumé signatures,
// the kept network summaries, and the watchlist (block and benign lists).
import { boolean, cidr, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { type IdentifierKind } from '@/lib/domain';
import { createdAt } from './columns';
import { caseStatusEnum, identifierKindEnum, confidenceEnum, tlpEnum } from './enums';
import { users } from './auth';
import { cases } from './cases';

export const identifiers = pgTable(
  'identifiers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    kind: identifierKindEnum('kind').$type<IdentifierKind>().notNull(),
    value: text('value').notNull(),
    normalized: text('normalized').notNull(),
    source: text('source').notNull(),
    addedById: uuid('added_by_id').references(() => users.id),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('identifiers_case_kind_value_idx').on(t.caseId, t.kind, t.normalized),
    index('identifiers_kind_normalized_idx').on(t.kind, t.normalized),
  ],
);

/**
 * Fuzzy match keys of a case (lib/intel/fuzzy/): a romanization-insensitive name key, a
 * provider-independent email handle, the LSH band keys of its résumé. Looked up by
 * (kind, key) in the index, so fuzzy matching on submission costs what an exact match does.
 * `shown` is what the key came from (the name or email as written), for the evidence text.
 */
export const matchKeys = pgTable(
  'match_keys',
  {
    caseId: uuid('case_id').notNull().references(() => cases.id),
    kind: text('kind', { enum: ['name', 'email_local', 'resume_band'] }).notNull(),
    key: text('key').notNull(),
    shown: text('shown').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.key, t.caseId, t.shown] }), index('match_keys_case_idx').on(t.caseId)],
);

/** The MinHash signature of a case's résumé text (lib/intel/fuzzy/minhash.ts). */
export const resumeSignatures = pgTable('resume_signatures', {
  caseId: uuid('case_id').primaryKey().references(() => cases.id),
  signature: integer('signature').array().notNull(),
});

/**
 * One row per identity network (cases.network_id): its size, highest risk and members, kept
 * by triggers on cases (drizzle/0011_network_summaries.sql), so /network ranks and counts
 * networks from these rows instead of grouping every network member on each page view.
 */
export const networkSummaries = pgTable(
  'network_summaries',
  {
    networkId: uuid('network_id').primaryKey(),
    size: integer('size').notNull(),
    maxRisk: integer('max_risk').notNull(),
    /** Member references in reference order, and each member's status in the same order. */
    memberReferences: text('member_references').array().notNull(),
    memberStatuses: caseStatusEnum('member_statuses').array().notNull(),
  },
  // The ranking of /network: the largest first, then the riskiest.
  (t) => [index('network_summaries_rank_idx').on(t.size.desc(), t.maxRisk.desc(), t.networkId)],
);

export const watchlist = pgTable(
  'watchlist',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: identifierKindEnum('kind').notNull(),
    value: text('value').notNull(),
    normalized: text('normalized').notNull(),
    // 'block' entries raise a case's score; 'benign' ones (own VPN exits, office ranges,
    // shared mail relays) stop a harmless shared value from linking cases at all.
    list: text('list', { enum: ['block', 'benign'] }).notNull().default('block'),
    source: text('source').notNull(),
    confidence: confidenceEnum('confidence').notNull(),
    // Traffic Light Protocol 2.0: how far this entry may be shared (exported as the STIX marking).
    tlp: tlpEnum('tlp').notNull().default('amber'),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    falsePositive: boolean('false_positive').notNull().default(false),
    sourceCaseId: uuid('source_case_id').references(() => cases.id),
    addedById: uuid('added_by_id').references(() => users.id),
    createdAt: createdAt(),
    /** An `ip` entry as a network (a single address is a /32 or /128), for `>>=` lookups. */
    ipRange: cidr('ip_range'),
  },
  (t) => [
    uniqueIndex('watchlist_list_kind_normalized_idx').on(t.list, t.kind, t.normalized),
    index('watchlist_ip_range_idx').using('gist', t.ipRange.op('inet_ops')),
    index('watchlist_created_idx').on(t.createdAt),
  ],
);

export type Identifier = typeof identifiers.$inferSelect;
export type WatchlistEntry = typeof watchlist.$inferSelect;
