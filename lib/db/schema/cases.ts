// A case and what the team records on it: decisions, indicators (and their catalog),
// interview rounds, identity-proofing checks, the résumé text, notes and evidence files;
// the per-status counts the case list reads.
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { RiskContribution } from '@/lib/cases/risk';
import { createdAt } from './columns';
import { caseStatusEnum, regionEnum, riskBandEnum, severityEnum, candidateSourceEnum, interviewKindEnum, interviewOutcomeEnum, proofingCheckEnum, checkResultEnum } from './enums';
import { users } from './auth';

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

export type Case = typeof cases.$inferSelect;
export type Attachment = typeof attachments.$inferSelect;
