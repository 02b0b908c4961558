// The applicant record: one JSON object describing a candidate as an ATS knows them. The
// REST API, the bulk import (JSON Lines or mapped CSV) and the CLI all take this one shape,
// so a record that imports one way imports every way. Documented in docs/applicant-record.md.
import { z } from 'zod';
import {
  CANDIDATE_SOURCES,
  IDENTIFIER_KINDS,
  INTERVIEW_KINDS,
  INTERVIEW_OBSERVATIONS,
  INTERVIEW_OUTCOMES,
  REGIONS,
} from '@/lib/domain';
import { normalizeIdentifier } from '@/lib/intel/normalize';

/** Limits that keep one record (and a 10,000-line batch) bounded in memory and in the database. */
export const RECORD_LIMITS = {
  identifiers: 50,
  interviews: 20,
  indicators: 50,
  resumeText: 100_000,
} as const;

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, { error: `${label} is required.`, abort: true })
    .max(max, { error: `${label} must be at most ${max} characters.` });

const isoDay = () => new Date().toISOString().slice(0, 10);

const identifierSchema = z
  .object({
    kind: z.enum(IDENTIFIER_KINDS, { error: `Unknown identifier kind; use one of ${IDENTIFIER_KINDS.join(', ')}.` }),
    value: text('Identifier value', 500),
  })
  .superRefine((identifier, ctx) => {
    const normalized = normalizeIdentifier(identifier.kind, identifier.value);
    if (!normalized.ok) ctx.addIssue({ code: 'custom', path: ['value'], message: normalized.error });
  });

const interviewSchema = z.object({
  date: z.iso
    .date({ error: 'Give the interview date as YYYY-MM-DD.' })
    .refine((d) => d <= isoDay(), { error: 'The interview date cannot be in the future.' }),
  kind: z.enum(INTERVIEW_KINDS, { error: `Unknown interview kind; use one of ${INTERVIEW_KINDS.join(', ')}.` }),
  interviewer: text('Interviewer', 200),
  nameUsed: text('Name the candidate used', 200),
  observations: z
    .array(z.enum(INTERVIEW_OBSERVATIONS, { error: `Unknown observation; use one of ${INTERVIEW_OBSERVATIONS.join(', ')}.` }))
    .max(INTERVIEW_OBSERVATIONS.length)
    .default([]),
  notes: z.string().trim().max(4000, { error: 'Notes must be at most 4000 characters.' }).default(''),
  // Most ATSs do not say how a round went; "hold" claims nothing either way.
  outcome: z.enum(INTERVIEW_OUTCOMES, { error: `Unknown outcome; use one of ${INTERVIEW_OUTCOMES.join(', ')}.` }).default('hold'),
});

const indicatorSchema = z.object({
  // Checked against the indicator catalog in the database when the record is imported.
  code: text('Indicator code', 100),
  evidence: z
    .string({ error: 'Evidence is required.' })
    .trim()
    .min(10, { error: 'Describe the evidence in at least 10 characters.' })
    .max(4000, { error: 'Evidence must be at most 4000 characters.' }),
});

export const applicantRecordSchema = z
  .object({
    externalId: text('externalId', 200).describe('The applicant id in the ATS; unique, makes imports idempotent.'),
    claimedName: text('claimedName', 200).describe('The name the candidate gave (in the interview, on the application).'),
    resumeName: text('resumeName', 200).describe('The name printed on the résumé.'),
    role: text('role', 200).describe('The job applied for.'),
    region: z.enum(REGIONS, { error: `Unknown region; use one of ${REGIONS.join(', ')}.` }),
    source: z.enum(CANDIDATE_SOURCES, { error: `Unknown source; use one of ${CANDIDATE_SOURCES.join(', ')}.` }),
    submittedAt: z.iso
      .datetime({ offset: true, error: 'Give submittedAt as an ISO 8601 date-time, e.g. 2026-03-01T09:30:00Z.' })
      .refine((d) => Date.parse(d) <= Date.now() + 5 * 60_000, { error: 'submittedAt cannot be in the future.' })
      .optional(),
    identifiers: z
      .array(identifierSchema)
      .max(RECORD_LIMITS.identifiers, { error: `At most ${RECORD_LIMITS.identifiers} identifiers.` })
      .default([]),
    interviews: z
      .array(interviewSchema)
      .max(RECORD_LIMITS.interviews, { error: `At most ${RECORD_LIMITS.interviews} interviews.` })
      .default([]),
    indicators: z
      .array(indicatorSchema)
      .max(RECORD_LIMITS.indicators, { error: `At most ${RECORD_LIMITS.indicators} indicators.` })
      .default([]),
    resumeText: z
      .string()
      .max(RECORD_LIMITS.resumeText, { error: `resumeText must be at most ${RECORD_LIMITS.resumeText} characters.` })
      .optional(),
  })
  .strict();

export type ApplicantRecordInput = z.input<typeof applicantRecordSchema>;
export type ApplicantRecord = z.output<typeof applicantRecordSchema>;

/** zod's issues as `{ "identifiers.1.value": [message] }`: the field named the way it was sent. */
export function recordFieldErrors(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join('.') : 'record';
    const message = issue.code === 'unrecognized_keys' ? `Unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}.` : issue.message;
    (fields[key] ??= []).push(message);
  }
  return fields;
}

/** One sentence naming the first refused field, for per-line import reports. */
export function describeFieldErrors(fields: Record<string, string[]>): string {
  const [first] = Object.entries(fields);
  if (!first) return 'The record was refused.';
  const [field, messages] = first;
  const more = Object.keys(fields).length - 1;
  return `${field}: ${messages[0]}${more > 0 ? ` (and ${more} more field${more > 1 ? 's' : ''})` : ''}`;
}
