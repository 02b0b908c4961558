// The one schema of Hirewatch. drizzle-kit generates the SQL migrations in drizzle/ from it.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
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
  TLP_LEVELS,
  WEBHOOK_EVENTS,
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
export const tlpEnum = pgEnum('tlp', TLP_LEVELS);
export const webhookEventStatusEnum = pgEnum('webhook_event_status', ['pending', 'delivered', 'failed']);

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

/**
 * A user's TOTP second factor (required for cso and admin, lib/auth/mfa/policy.ts). The secret
 * is stored encrypted (AES-256-GCM, key derived from AUTH_SECRET: lib/security/secret-box.ts).
 * confirmedAt is null while enrollment waits for the first valid code. lastUsedStep is the
 * highest TOTP time step accepted: a code of that step or an earlier one is a replay.
 */
export const userSecondFactors = pgTable('user_second_factors', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  secretEncrypted: text('secret_encrypted').notNull(),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  lastUsedStep: bigint('last_used_step', { mode: 'number' }),
  createdAt: createdAt(),
});

/** One-time recovery codes: SHA-256 of each high-entropy code, consumed by setting usedAt. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('recovery_codes_user_hash_idx').on(t.userId, t.codeHash)],
);

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
    /** Set when the retention job erased the applicant's personal data (lib/retention). */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
  },
  (t) => [
    index('cases_network_idx').on(t.networkId),
    index('cases_risk_band_idx').on(t.riskBand),
    index('cases_region_idx').on(t.region),
    index('cases_assignee_idx').on(t.assigneeId),
    index('cases_submitted_by_idx').on(t.submittedById),
    index('cases_created_idx').on(t.createdAt),
    index('cases_claimed_name_idx').on(t.claimedName),
    // The case list reads one page in the order of each sort (lib/cases/list.ts), the
    // reference breaking ties, with or without a status filter: an index per order lets it
    // stop after one page (and seek to a keyset cursor) instead of sorting 100k rows.
    index('cases_list_updated_idx').on(t.updatedAt, t.reference),
    index('cases_list_risk_idx').on(t.riskScore, t.reference),
    index('cases_list_status_idx').on(t.status, t.reference),
    index('cases_list_name_idx').on(sql`lower(${t.claimedName})`, t.reference),
    index('cases_list_status_updated_idx').on(t.status, t.updatedAt, t.reference),
    index('cases_list_status_risk_idx').on(t.status, t.riskScore, t.reference),
    // Trends count cases per month of submission with their status and region: index-only.
    index('cases_trends_idx').on(t.createdAt, t.status, t.region),
  ],
);

/**
 * How many cases there are per status, region and risk band, kept by triggers on cases
 * (drizzle/*_case_counts_triggers.sql): the status tabs of /cases read these 120 rows
 * instead of counting 100k cases on every page view. Filters by assignee or text search
 * still count the cases themselves.
 */
export const caseCounts = pgTable(
  'case_counts',
  {
    status: caseStatusEnum('status').notNull(),
    region: regionEnum('region').notNull(),
    riskBand: riskBandEnum('risk_band').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.status, t.region, t.riskBand] })],
);

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

/**
 * Evidence files of a case (résumés, screenshots, ID captures). The bytes live outside the
 * web root, named by their SHA-256 (lib/evidence/store.ts); this row is their chain of
 * custody: who uploaded what (by hash), when, how big, of which type detected from content.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    /** The uploader's file name, for display to leads and CSOs only; never part of a path. */
    fileName: text('file_name').notNull(),
    /** Detected from the bytes (magic numbers), never taken from the name or the browser. */
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    uploadedById: uuid('uploaded_by_id').references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('attachments_case_sha256_idx').on(t.caseId, t.sha256), index('attachments_sha256_idx').on(t.sha256)],
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

/** Where events are POSTed. The signing secret is stored encrypted (lib/security/secret-box.ts). */
export const webhookEndpoints = pgTable('webhook_endpoints', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  url: text('url').notNull(),
  secretCiphertext: text('secret_ciphertext').notNull(),
  events: text('events', { enum: WEBHOOK_EVENTS }).array().notNull(),
  enabled: boolean('enabled').notNull().default(true),
  createdById: uuid('created_by_id').references(() => users.id),
  createdAt: createdAt(),
});

/**
 * The outbox: one row per event and endpoint, written in the transaction of the change it
 * reports, so an event exists if and only if the change committed. The delivery worker
 * claims due rows (next_attempt_at <= now()) with FOR UPDATE SKIP LOCKED and pushes
 * next_attempt_at forward as a lease while it sends.
 */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    endpointId: uuid('endpoint_id').notNull().references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    event: text('event', { enum: WEBHOOK_EVENTS }).notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: webhookEventStatusEnum('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('webhook_events_due_idx').on(t.status, t.nextAttemptAt), index('webhook_events_endpoint_idx').on(t.endpointId, t.createdAt)],
);

/** Every delivery attempt: what the receiver answered (or why nothing came back) and how long it took. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    eventId: uuid('event_id').notNull().references(() => webhookEvents.id, { onDelete: 'cascade' }),
    attempt: integer('attempt').notNull(),
    statusCode: integer('status_code'),
    durationMs: integer('duration_ms').notNull(),
    error: text('error'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('webhook_deliveries_event_idx').on(t.eventId)],
);

export type User = typeof users.$inferSelect;
export type Case = typeof cases.$inferSelect;
export type Identifier = typeof identifiers.$inferSelect;
export type WatchlistEntry = typeof watchlist.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
export type Attachment = typeof attachments.$inferSelect;

/**
 * API tokens for integrations (an ATS). Only the SHA-256 of the secret is kept; the secret is
 * shown once. Each token acts through a service user of its own (a disabled users row that
 * can never sign in), so cases it submits carry `submitted_by_id` = that user, and a recruiter
 * token sees exactly its own submissions with the same SQL scope as a recruiter.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull().unique(),
    role: roleEnum('role').notNull(),
    /** The first characters of the secret (`hw_` + 6), to recognize a token in lists and logs. */
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    serviceUserId: uuid('service_user_id')
      .notNull()
      .unique()
      .references(() => users.id),
    createdById: uuid('created_by_id').references(() => users.id),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  // A token acts as a recruiter or a lead, never with more.
  (t) => [check('api_tokens_role_check', sql`${t.role} in ('recruiter', 'lead')`)],
);

/** Requests per token per minute (a fixed window), kept in the database so every instance counts. */
export const apiRateWindows = pgTable(
  'api_rate_windows',
  {
    tokenId: uuid('token_id')
      .notNull()
      .references(() => apiTokens.id),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    requests: integer('requests').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.tokenId, t.windowStart] })],
);

export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;

/** Background jobs (bulk imports), claimed by any instance with FOR UPDATE SKIP LOCKED. */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ['import'] }).notNull(),
    status: text('status', { enum: JOB_STATUSES }).notNull().default('queued'),
    total: integer('total').notNull(),
    done: integer('done').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    /** The next line to process (1-based): a job interrupted by a crash resumes here. */
    cursor: integer('cursor').notNull().default(1),
    errors: jsonb('errors').$type<{ line: number; message: string }[]>().notNull().default([]),
    /** Why a whole job failed (not a line's refusal). */
    failure: text('failure'),
    createdById: uuid('created_by_id')
      .notNull()
      .references(() => users.id),
    /** As the audit log names the actor: a user's email or `token:<name>`. */
    actorEmail: text('actor_email').notNull(),
    actorRole: roleEnum('actor_role').notNull(),
    lockedBy: text('locked_by'),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    createdAt: createdAt(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('jobs_status_created_idx').on(t.status, t.createdAt), index('jobs_created_by_idx').on(t.createdById)],
);

/** The payload of a job, one row per input line, stored in the database so any instance can run it. */
export const jobLines = pgTable(
  'job_lines',
  {
    jobId: uuid('job_id')
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    line: integer('line').notNull(),
    payload: text('payload').notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.line] })],
);

export type ApiToken = typeof apiTokens.$inferSelect;
export type Job = typeof jobs.$inferSelect;
