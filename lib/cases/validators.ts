// zod schemas of every case form and API input: one place for limits and messages.
import { z } from 'zod';
import {
  CANDIDATE_SOURCES,
  CHECK_RESULTS,
  IDENTIFIER_KINDS,
  INTERVIEW_KINDS,
  INTERVIEW_OBSERVATIONS,
  INTERVIEW_OUTCOMES,
  PROOFING_CHECKS,
  REGIONS,
} from '@/lib/domain';
import { normalizeIdentifier } from '@/lib/intel/normalize';
import { boundedText, optionalText, text } from '@/lib/validation/text';

/** A checkbox group arrives as nothing, one string or an array. */
const stringList = z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(z.string()));

export const referenceSchema = z.string().trim().regex(/^HW-\d{4}-\d{4,}$/, { error: 'Unknown case reference.' });

/** A field whose value must normalize as an identifier of this kind; the error names why not. */
const identifierField = (label: string, max: number, kind: 'email' | 'phone' | 'linkedin', optional = false) =>
  (optional ? optionalText(label, max) : text(label, max)).superRefine((value, ctx) => {
    if (!value) return;
    const normalized = normalizeIdentifier(kind, value);
    if (!normalized.ok) ctx.addIssue({ code: 'custom', message: normalized.error });
  });

export const submitCandidateSchema = z.object({
  claimedName: text('Name the candidate gave', 200),
  resumeName: text('Name on the résumé', 200),
  jobRole: text('Role applied for', 200),
  region: z.enum(REGIONS, { error: 'Choose the targeted office or region.' }),
  source: z.enum(CANDIDATE_SOURCES, { error: 'Choose where the candidate came from.' }),
  email: identifierField('Email', 254, 'email'),
  phone: identifierField('Phone', 40, 'phone', true),
  linkedin: identifierField('LinkedIn', 200, 'linkedin', true),
});
export type SubmitCandidateInput = z.output<typeof submitCandidateSchema>;

export const addIdentifierSchema = z
  .object({
    reference: referenceSchema,
    kind: z.enum(IDENTIFIER_KINDS, { error: 'Choose the kind of identifier.' }),
    value: text('Value', 500),
    source: text('Source', 200),
  })
  .superRefine((v, ctx) => {
    const normalized = normalizeIdentifier(v.kind, v.value);
    if (!normalized.ok) ctx.addIssue({ code: 'custom', path: ['value'], message: normalized.error });
  });
export type AddIdentifierInput = z.output<typeof addIdentifierSchema>;

export const addIndicatorSchema = z.object({
  reference: referenceSchema,
  code: text('Indicator', 100),
  evidence: boundedText('Evidence', 4000)
    .trim()
    .min(10, { error: 'Describe the evidence in at least 10 characters.' }),
});
export type AddIndicatorInput = z.output<typeof addIndicatorSchema>;

export const addInterviewSchema = z.object({
  reference: referenceSchema,
  heldOn: z.iso
    .date({ error: 'Give the date of the interview.' })
    .pipe(z.string().refine((d) => d <= new Date().toISOString().slice(0, 10), { error: 'The interview date cannot be in the future.' })),
  kind: z.enum(INTERVIEW_KINDS, { error: 'Choose the kind of interview.' }),
  interviewer: text('Interviewer', 200),
  nameUsed: text('Name the candidate used', 200),
  observations: stringList.pipe(z.array(z.enum(INTERVIEW_OBSERVATIONS, { error: 'Unknown observation.' }))),
  notes: optionalText('Notes', 4000),
  outcome: z.enum(INTERVIEW_OUTCOMES, { error: 'Choose the outcome.' }),
});
export type AddInterviewInput = z.output<typeof addInterviewSchema>;

export const recordProofingSchema = z.object({
  reference: referenceSchema,
  check: z.enum(PROOFING_CHECKS, { error: 'Choose a check.' }),
  result: z.enum(CHECK_RESULTS, { error: 'Choose pass, fail or not done.' }),
  note: optionalText('Note', 2000),
});
export type RecordProofingInput = z.output<typeof recordProofingSchema>;

export const addNoteSchema = z.object({
  reference: referenceSchema,
  body: text('Note', 10000),
});
export type AddNoteInput = z.output<typeof addNoteSchema>;

export const assignSchema = z.object({
  reference: referenceSchema,
  assigneeId: z.uuid({ error: 'Choose someone to assign.' }),
});
export type AssignInput = z.output<typeof assignSchema>;

export const moveSchema = z.object({
  reference: referenceSchema,
  move: z.enum(['start_investigating', 'submit_for_decision', 'escalate', 'clear', 'reopen'], { error: 'Unknown action.' }),
  version: z.coerce.number().int().positive(),
  rationale: optionalText('Rationale', 5000),
});
export type MoveInput = z.output<typeof moveSchema>;

