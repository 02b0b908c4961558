// The one schema of Hirewatch. drizzle-kit generates the SQL migrations in drizzle/ from it.
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  cidr,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  CASE_STATUSES,
  CHECK_RESULTS,
  CONFIDENCES,
  WATCHLIST_KINDS,
  type IdentifierKind,
  INTERVIEW_KINDS,
  INTERVIEW_OUTCOMES,
  PROOFING_CHECKS,
  REGIONS,
  RISK_BANDS,
  ROLES,
  SEVERITIES,
  CANDIDATE_SOURCES,
} from '@/lib/domain';
import type { RiskContribution } from '@/lib/cases/risk';

export const roleEnum = pgEnum('role', ROLES);
export const caseStatusEnum = pgEnum('case_status', CASE_STATUSES);
export const regionEnum = pgEnum('region', REGIONS);
export const riskBandEnum = pgEnum('risk_band', RISK_BANDS);
// One enum for identifiers and the watchlist: the watchlist's extra kinds (email_domain) never
// appear on an identifier, which identifiers.kind's type says.
export const identifierKindEnum = pgEnum('identifier_kind', WATCHLIST_KINDS);
export const severityEnum = pgEnum('severity', SEVERITIES);
export const candidateSourceEnum = pgEnum('candidate_source', CANDIDATE_SOURCES);
export const interviewKindEnum = pgEnum('interview_kind', INTERVIEW_KINDS);
export const interviewOutcomeEnum = pgEnum('interview_outcome', INTERVIEW_OUTCOMES);
export const proofingCheckEnum = pgEnum('proofing_check', PROOFING_CHECKS);
export const checkResultEnum = pgEnum('check_result', CHECK_RESULTS);
export const confidenceEnum = pgEnum('confidence', CONFIDENCES);

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: roleEnum('role').notNull(),
  passwordHash: text('password_hash').notNull(),
  disabled: boolean('disabled').notNull().default(false),
  // Bumped when a password changes or a user is disabled: sessions carrying an older
  // version end at once, on every instance.
  sessionVersion: integer('session_version').notNull().default(1),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
  createdAt: createdAt(),
});

/** Failed sign-ins, per account and per IP, kept in the database so throttling holds across instances. */
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** 'account:<email>' or 'ip:<address>'. */
    key: text('key').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sign_in_attempts_key_at_idx').on(t.key, t.at)],
);

export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull().unique(),
    claimedName: text('claimed_name').notNull(),
    resumeName: text('resume_name').notNull(),
    jobRole: text('job_role').notNull(),
    region: regionEnum('region').notNull(),
    source: candidateSourceEnum('source').notNull(),
    status: caseStatusEnum('status').notNull().default('open'),
    riskScore: integer('risk_score').notNull().default(0),
    riskBand: riskBandEnum('risk_band').notNull().default('low'),
    riskExplanation: jsonb('risk_explanation').$type<RiskContribution[]>().notNull().default([]),
    assigneeId: uuid('assignee_id').references(() => users.id),
    submittedById: uuid('submitted_by_id').notNull().references(() => users.id),
    // Who sent the case to the CSO: with the assignee, the people the two-person rule excludes.
    submittedForDecisionById: uuid('submitted_for_decision_by_id').references(() => users.id),
    // Optimistic concurrency: every write bumps it; a decision names the version it saw.
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    // What the recruiter sees as "last changed": only moves when the clearance may change.
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** The network (connected component of strong identifier links) this case belongs to. */
    networkId: uuid('network_id'),
    /** The applicant's id in the ATS that sent it: imports are idempotent on it. */
    externalId: text('external_id').unique(),
  },
  (t) => [
    index('cases_network_idx').on(t.networkId),
    index('cases_status_idx').on(t.status),
    index('cases_risk_idx').on(t.riskScore),
    index('cases_risk_band_idx').on(t.riskBand),
    index('cases_region_idx').on(t.region),
    index('cases_assignee_idx').on(t.assigneeId),
    index('cases_submitted_by_idx').on(t.submittedById),
    index('cases_updated_idx').on(t.updatedAt),
    index('cases_created_idx').on(t.createdAt),
    index('cases_claimed_name_idx').on(t.claimedName),
  ],
);

export const decisions = pgTable(
  'decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    outcome: text('outcome', { enum: ['escalated', 'cleared', 'reopened'] }).notNull(),
    rationale: text('rationale').notNull(),
    // The score and indicators as they stood when the CSO decided.
    riskScore: integer('risk_score').notNull(),
    riskExplanation: jsonb('risk_explanation').$type<RiskContribution[]>().notNull(),
    twoPersonRuleWaived: boolean('two_person_rule_waived').notNull().default(false),
    decidedById: uuid('decided_by_id').notNull().references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('decisions_case_idx').on(t.caseId), index('decisions_decided_at_idx').on(t.decidedAt)],
);

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

export const indicatorCatalog = pgTable('indicator_catalog', {
  code: text('code').primaryKey(),
  category: text('category').notNull(),
  severity: severityEnum('severity').notNull(),
  title: text('title').notNull(),
  guidance: text('guidance').notNull(),
  sources: text('sources').notNull(),
});

export const caseIndicators = pgTable(
  'case_indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    code: text('code').notNull().references(() => indicatorCatalog.code),
    evidence: text('evidence').notNull(),
    observedById: uuid('observed_by_id').references(() => users.id),
    observedAt: timestamp('observed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('case_indicators_case_code_idx').on(t.caseId, t.code), index('case_indicators_code_idx').on(t.code)],
);

export const interviewRounds = pgTable(
  'interview_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    heldOn: date('held_on').notNull(),
    kind: interviewKindEnum('kind').notNull(),
    interviewer: text('interviewer').notNull(),
    nameUsed: text('name_used').notNull(),
    observations: text('observations').array().notNull().default(sql`'{}'::text[]`),
    notes: text('notes').notNull().default(''),
    outcome: interviewOutcomeEnum('outcome').notNull(),
    recordedById: uuid('recorded_by_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('interview_rounds_case_idx').on(t.caseId)],
);

export const proofingChecks = pgTable(
  'proofing_checks',
  {
    caseId: uuid('case_id').notNull().references(() => cases.id),
    check: proofingCheckEnum('check').notNull(),
    result: checkResultEnum('result').notNull(),
    note: text('note').notNull().default(''),
    checkedById: uuid('checked_by_id').references(() => users.id),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.check] })],
);

/** The résumé text an applicant record carried: personal data, kept apart from the case row. */
export const caseResumes = pgTable('case_resumes', {
  caseId: uuid('case_id')
    .primaryKey()
    .references(() => cases.id),
  body: text('body').notNull(),
  createdAt: createdAt(),
});

export const notes = pgTable(
  'notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    authorId: uuid('author_id').references(() => users.id),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('notes_case_idx').on(t.caseId)],
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

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorEmail: text('actor_email').notNull(),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    caseId: uuid('case_id'),
    before: jsonb('before').$type<Record<string, unknown> | null>(),
    after: jsonb('after').$type<Record<string, unknown> | null>(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    /** Hash chain: SHA-256 over the previous entry's hash and this entry's content. */
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_case_idx').on(t.caseId),
    index('audit_log_action_idx').on(t.action),
    index('audit_log_actor_idx').on(t.actorEmail),
  ],
);

export const publicIncidents = pgTable('public_incidents', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  occurredOn: date('occurred_on').notNull(),
  usdMillionsLow: numeric('usd_millions_low', { mode: 'number' }).notNull(),
  usdMillionsHigh: numeric('usd_millions_high', { mode: 'number' }).notNull(),
  victim: text('victim').notNull(),
  victimCountry: text('victim_country').notNull(),
  region: text('region').notNull(),
  vector: text('vector').notNull(),
  vectorDetail: text('vector_detail').notNull(),
  attribution: text('attribution').notNull(),
  confidence: text('confidence').notNull(),
});

export const yearlyTotals = pgTable(
  'yearly_totals',
  {
    year: integer('year').notNull(),
    period: text('period').notNull(),
    source: text('source').notNull(),
    usdMillions: numeric('usd_millions', { mode: 'number' }).notNull(),
    incidents: integer('incidents'),
    basis: text('basis').notNull(),
    confidence: text('confidence').notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.source] })],
);

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
});

export type User = typeof users.$inferSelect;
export type Case = typeof cases.$inferSelect;
export type Identifier = typeof identifiers.$inferSelect;
export type WatchlistEntry = typeof watchlist.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
