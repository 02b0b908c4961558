// The zod schemas of the REST API v1: request parameters and bodies are parsed with them, and
// the OpenAPI document (lib/api/openapi.ts) is generated from them, so the document cannot
// drift from what the handlers accept and answer. Response schemas are checked by the contract
// tests against real answers.
import { z } from 'zod';
import { CASE_STATUSES, CLEARANCES, CONFIDENCES, IDENTIFIER_KINDS, REGIONS, RISK_BANDS, CANDIDATE_SOURCES, SEVERITIES, TLP_LEVELS, WATCHLIST_KINDS } from '@/lib/domain';
import { JOB_STATUSES } from '@/lib/db/schema';
import { text } from '@/lib/validation/text';
import { API_ERROR_CODES } from './errors';

export const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(Object.values(API_ERROR_CODES) as [string, ...string[]]).describe('Stable machine-readable code of the HTTP status.'),
      message: z.string().describe('What went wrong, for a person.'),
      fields: z.record(z.string(), z.array(z.string())).describe('Refused fields by dotted path (e.g. identifiers.0.kind), with their messages.'),
    }),
  })
  ;

export const candidateResultSchema = z
  .object({
    reference: z.string().describe('The case reference, e.g. HW-2026-0042.'),
    externalId: z.string(),
    clearance: z.enum(CLEARANCES),
  })
  ;

export const jobCreatedSchema = z.object({ jobId: z.uuid() });

export const jobSchema = z
  .object({
    jobId: z.uuid(),
    status: z.enum(JOB_STATUSES),
    total: z.int().nonnegative().describe('Lines in the batch.'),
    done: z.int().nonnegative().describe('Lines imported (or already present by externalId).'),
    failed: z.int().nonnegative().describe('Lines refused; each is listed in errors.'),
    errors: z.array(z.object({ line: z.int().nonnegative().describe('1-based line number in the batch.'), message: z.string() })),
  })
  ;

/** Exactly one of externalId, email or reference (text without control characters: a NUL never reaches a query). */
export const clearanceQuerySchema = z
  .object({
    externalId: text('externalId', 200).optional(),
    email: text('email', 254).optional(),
    reference: z.string().trim().regex(/^HW-\d{4}-\d{4,}$/, { error: 'A reference looks like HW-2026-0042.' }).optional(),
  })
  .refine((q) => [q.externalId, q.email, q.reference].filter(Boolean).length === 1, {
    error: 'Give exactly one of externalId, email or reference.',
  });

export const clearanceSchema = z
  .object({
    reference: z.string(),
    externalId: z.string().nullable(),
    clearance: z.enum(CLEARANCES),
    updatedAt: z.iso.datetime().describe('When the clearance last changed.'),
  })
  ;

export const caseQuerySchema = z.object({ externalId: text('externalId', 200) });

export const caseSchema = z
  .object({
    reference: z.string(),
    externalId: z.string().nullable(),
    status: z.enum(CASE_STATUSES),
    clearance: z.enum(CLEARANCES),
    claimedName: z.string(),
    resumeName: z.string(),
    role: z.string(),
    region: z.enum(REGIONS),
    source: z.enum(CANDIDATE_SOURCES),
    riskScore: z.int().min(0).max(100),
    riskBand: z.enum(RISK_BANDS),
    explanation: z
      .array(z.object({ label: z.string(), source: z.enum(['indicator', 'derived']), code: z.string(), weight: z.number(), points: z.number() }))
      .describe('Every contribution to the risk score, in the order applied; the points sum to riskScore.'),
    identifiers: z.array(z.object({ kind: z.enum(IDENTIFIER_KINDS), value: z.string(), normalized: z.string(), source: z.string(), firstSeenAt: z.iso.datetime() })),
    indicators: z.array(z.object({ code: z.string(), title: z.string(), severity: z.enum(SEVERITIES), evidence: z.string(), observedAt: z.iso.datetime() })),
    networkId: z.uuid().nullable().describe('The network of fabricated identities this case belongs to, if any.'),
    linked: z
      .array(z.object({ reference: z.string(), status: z.enum(CASE_STATUSES), shared: z.array(z.string()).describe('kind: value pairs in common.') }))
      .describe('Other cases sharing a normalized identifier with this one.'),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  ;

export const MAX_WATCHLIST_POST = 1000;

export const watchlistPostSchema = z
  .array(
    z.object({
      kind: z.enum(WATCHLIST_KINDS, { error: `Unknown watchlist kind; use one of ${WATCHLIST_KINDS.join(', ')}.` }),
      // The same text rules as the /watchlist form: a NUL or other control character is refused
      // with a message instead of failing in the database.
      value: text('Value', 500),
      source: text('Source', 200).describe('Where the value came from (a peer company, a report).'),
      confidence: z.enum(CONFIDENCES, { error: `Unknown confidence; use one of ${CONFIDENCES.join(', ')}.` }),
      list: z.enum(['block', 'benign']).default('block').describe('block raises the score of cases holding it; benign stops it linking cases.'),
      tlp: z.enum(TLP_LEVELS, { error: `Unknown TLP marking; use one of ${TLP_LEVELS.join(', ')}.` }).default('amber').describe('Traffic Light Protocol 2.0 marking: who the entry may be shared with.'),
      expiresOn: z.iso.date().optional().describe('Last day the entry counts (UTC); absent: no expiry.'),
    }),
  )
  .min(1, { error: 'Send at least one entry.' })
  .max(MAX_WATCHLIST_POST, { error: `At most ${MAX_WATCHLIST_POST} entries per request.` })
  ;

export const watchlistPostResultSchema = z
  .object({
    added: z.int().nonnegative().describe('Entries new on their list.'),
    alreadyListed: z.int().nonnegative().describe('Entries already on their list (after normalization); left unchanged.'),
    casesAffected: z.int().nonnegative().describe('Existing cases holding one of the added values, now re-scored.'),
  })
  ;

export const WATCHLIST_FORMATS = ['json', 'csv', 'stix'] as const;
export const watchlistQuerySchema = z.object({
  format: z.enum(WATCHLIST_FORMATS, { error: 'format is json, csv or stix.' }).default('json'),
  list: z.enum(['block', 'benign']).optional(),
  kind: z.enum(WATCHLIST_KINDS).optional(),
  includeInactive: z.enum(['true', 'false']).default('false').describe('Also expired and false-positive entries.'),
});

export const watchlistEntrySchema = z
  .object({
    kind: z.enum(WATCHLIST_KINDS),
    value: z.string(),
    normalized: z.string(),
    list: z.enum(['block', 'benign']),
    source: z.string(),
    confidence: z.enum(CONFIDENCES),
    tlp: z.enum(TLP_LEVELS),
    expiresAt: z.iso.datetime().nullable(),
    falsePositive: z.boolean(),
    sourceCase: z.string().nullable().describe('Reference of the escalated case that put it there.'),
    createdAt: z.iso.datetime(),
  })
  ;

export const watchlistListSchema = z.object({ entries: z.array(watchlistEntrySchema), truncated: z.boolean() });
