// The OpenAPI 3.1 document of REST API v1, generated from the zod schemas the handlers use
// (lib/api/schemas.ts, lib/applicants/record.ts): JSON Schema 2020-12 straight from zod 4's
// z.toJSONSchema, which is the dialect OpenAPI 3.1 uses. Only the routing (paths, methods,
// statuses) is written here; no body or parameter shape is.
import { z } from 'zod';
import { applicantRecordSchema } from '@/lib/applicants/record';
import { API_ERROR_CODES, type ApiErrorStatus } from './errors';
import {
  candidateResultSchema,
  caseQuerySchema,
  caseSchema,
  clearanceQuerySchema,
  clearanceSchema,
  errorSchema,
  jobCreatedSchema,
  jobSchema,
  watchlistEntrySchema,
  watchlistListSchema,
  watchlistPostResultSchema,
  watchlistPostSchema,
  watchlistQuerySchema,
} from './schemas';
import { BATCH_BODY_LIMIT, JSON_BODY_LIMIT } from './limits';

const COMPONENTS = {
  ApplicantRecord: { schema: applicantRecordSchema, io: 'input' },
  CandidateResult: { schema: candidateResultSchema, io: 'output' },
  JobCreated: { schema: jobCreatedSchema, io: 'output' },
  Job: { schema: jobSchema, io: 'output' },
  Clearance: { schema: clearanceSchema, io: 'output' },
  Case: { schema: caseSchema, io: 'output' },
  WatchlistPost: { schema: watchlistPostSchema, io: 'input' },
  WatchlistPostResult: { schema: watchlistPostResultSchema, io: 'output' },
  WatchlistEntry: { schema: watchlistEntrySchema, io: 'output' },
  WatchlistList: { schema: watchlistListSchema, io: 'output' },
  Error: { schema: errorSchema, io: 'output' },
} as const;
type ComponentName = keyof typeof COMPONENTS;

type JsonObject = Record<string, unknown>;

function componentSchemas(): JsonObject {
  const out: JsonObject = {};
  // Request bodies as zod reads them (defaults optional), responses as the handlers write them.
  for (const io of ['input', 'output'] as const) {
    const registry = z.registry<{ id: string }>();
    for (const [name, entry] of Object.entries(COMPONENTS)) if (entry.io === io) registry.add(entry.schema, { id: name });
    const { schemas } = z.toJSONSchema(registry, { io, unrepresentable: 'any', uri: (id) => `#/components/schemas/${id}` });
    for (const [name, json] of Object.entries(schemas)) {
      const { $schema: _dialect, $id: _id, ...rest } = json as JsonObject;
      out[name] = rest;
    }
  }
  return out;
}

const ref = (name: ComponentName) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: ComponentName) => ({ 'application/json': { schema: ref(name) } });

function errors(...statuses: ApiErrorStatus[]): JsonObject {
  const describe: Partial<Record<ApiErrorStatus, string>> = {
    400: 'Invalid request: fields names each refused field.',
    401: 'Missing, unknown, expired or revoked token.',
    403: "The token's role may not do this.",
    404: 'Not found (or not visible to this token).',
    406: 'This format is not available.',
    409: 'Conflict with the current state.',
    413: 'Body too large.',
    415: 'Wrong Content-Type.',
    429: 'Rate limit reached; see Retry-After.',
  };
  return Object.fromEntries(statuses.map((s) => [String(s), { description: `${describe[s]} (code "${API_ERROR_CODES[s]}")`, content: json('Error') }]));
}

/** Query parameters from a zod object schema, each with its JSON schema and description. */
function queryParameters(schema: z.ZodType): JsonObject[] {
  const converted = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, JsonObject>; required?: string[] };
  return Object.entries(converted.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return { name, in: 'query', required: converted.required?.includes(name) ?? false, description, schema: rest };
  });
}

const AUTH_ERRORS = [401, 403, 429] as const;

export function openApiDocument(serverUrl = '/'): JsonObject {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Hirewatch API',
      version: '1.0.0',
      description:
        'Submit applicants from an ATS, read their clearance, and (lead tokens) read cases and manage the watchlist. ' +
        'Authenticate with `Authorization: Bearer hw_…` (an administrator creates tokens on /admin or with `npm run hirewatch -- token create`). ' +
        'A recruiter token sees only the candidates it submitted. Every error has the shape {"error":{"code","message","fields"}}.',
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An API token, hw_ followed by 43 characters.' } },
      schemas: componentSchemas(),
    },
    paths: {
      '/api/v1/candidates': {
        post: {
          operationId: 'submitCandidate',
          summary: 'Submit one applicant (idempotent by externalId)',
          description: `Recruiter or lead token. The same externalId again answers 200 with the existing case and writes nothing. Body at most ${JSON_BODY_LIMIT / 1024} KiB.`,
          requestBody: { required: true, content: json('ApplicantRecord') },
          responses: {
            '201': { description: 'Created a case.', content: json('CandidateResult') },
            '200': { description: 'A case with this externalId already existed; it is returned.', content: json('CandidateResult') },
            ...errors(400, ...AUTH_ERRORS, 409, 413, 415),
          },
        },
      },
      '/api/v1/candidates/batch': {
        post: {
          operationId: 'submitCandidateBatch',
          summary: 'Queue a batch of applicants (JSON Lines)',
          description:
            `Content-Type application/x-ndjson: one ApplicantRecord per line, at most 10,000 lines and ${BATCH_BODY_LIMIT / 1024 / 1024} MiB. ` +
            'Answers at once with a job; a bad line is reported with its line number in the job and never blocks the others; each record is all-or-nothing.',
          requestBody: {
            required: true,
            content: { 'application/x-ndjson': { schema: { type: 'string', description: 'Lines, each one JSON object of the ApplicantRecord schema.' }, 'x-item-schema': ref('ApplicantRecord') } },
          },
          responses: { '202': { description: 'Queued.', content: json('JobCreated') }, ...errors(400, ...AUTH_ERRORS, 413, 415) },
        },
      },
      '/api/v1/jobs/{jobId}': {
        get: {
          operationId: 'getJob',
          summary: 'Progress and per-line errors of a batch',
          description: 'Only the token (or user) that queued the job sees it; a lead token sees every job.',
          parameters: [{ name: 'jobId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          responses: { '200': { description: 'The job.', content: json('Job') }, ...errors(...AUTH_ERRORS, 404) },
        },
      },
      '/api/v1/clearance': {
        get: {
          operationId: 'getClearance',
          summary: 'Clearance of one candidate',
          description: 'Exactly one of externalId, email or reference. A recruiter token finds only the candidates it submitted. Every lookup is audited.',
          parameters: queryParameters(clearanceQuerySchema),
          responses: { '200': { description: 'The clearance.', content: json('Clearance') }, ...errors(400, ...AUTH_ERRORS, 404) },
        },
      },
      '/api/v1/cases': {
        get: {
          operationId: 'getCaseByExternalId',
          summary: 'A case by its ATS id (lead)',
          parameters: queryParameters(caseQuerySchema),
          responses: { '200': { description: 'The case.', content: json('Case') }, ...errors(400, ...AUTH_ERRORS, 404) },
        },
      },
      '/api/v1/cases/{reference}': {
        get: {
          operationId: 'getCase',
          summary: 'A case by reference (lead)',
          parameters: [{ name: 'reference', in: 'path', required: true, schema: { type: 'string', pattern: '^HW-\\d{4}-\\d{4,}$' } }],
          responses: { '200': { description: 'The case.', content: json('Case') }, ...errors(...AUTH_ERRORS, 404) },
        },
      },
      '/api/v1/watchlist': {
        get: {
          operationId: 'getWatchlist',
          summary: 'The watchlist as JSON, CSV or a STIX 2.1 bundle (lead)',
          parameters: queryParameters(watchlistQuerySchema),
          responses: {
            '200': {
              description: 'The entries, newest first.',
              content: { ...json('WatchlistList'), 'text/csv': { schema: { type: 'string' } }, 'application/stix+json': { schema: { type: 'object' } } },
            },
            ...errors(400, ...AUTH_ERRORS, 406),
          },
        },
        post: {
          operationId: 'addWatchlistEntries',
          summary: 'Add watchlist entries (lead)',
          description: 'Values already on their list are left unchanged and counted in alreadyListed. Cases holding an added value are re-scored at once.',
          requestBody: { required: true, content: json('WatchlistPost') },
          responses: { '200': { description: 'Added.', content: json('WatchlistPostResult') }, ...errors(400, ...AUTH_ERRORS, 413, 415) },
        },
      },
      '/api/v1/openapi.json': {
        get: { operationId: 'getOpenApi', summary: 'This document', security: [], responses: { '200': { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } } } },
      },
    },
  };
}
