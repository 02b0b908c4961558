import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { formatReference } from '@/lib/domain';
import { RATIONALE_HINT } from './lifecycle';
import {
  addIdentifierSchema,
  addInterviewSchema,
  moveSchema,
  referenceSchema,
  submitCandidateSchema,
} from './validators';

/** What a form shows: the field errors of a failed parse (zod 4's flattenError). */
function fieldErrors(schema: z.ZodType, input: unknown): Record<string, string[] | undefined> {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`expected a failed parse, got ${JSON.stringify(result.data)}`);
  const flat = z.flattenError(result.error);
  expect(flat.formErrors).toEqual([]);
  return flat.fieldErrors as Record<string, string[] | undefined>;
}

const NOT_PHONE = 'Not a phone number (use international format, e.g. +1 415 555 0100).';

describe('referenceSchema', () => {
  it.each([formatReference(2026, 42), formatReference(2026, 12345), '  HW-2026-0001 '])('accepts %j', (ref) => {
    expect(referenceSchema.parse(ref)).toBe(ref.trim());
  });

  it.each(['HW-2026-42', 'hw-2026-0042', 'HW-26-0042', '', 'HW-2026-0042x'])('refuses %j', (ref) => {
    const result = referenceSchema.safeParse(ref);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual(['Unknown case reference.']);
  });
});

describe('submitCandidateSchema', () => {
  const good = {
    claimedName: '  Jane Doe ',
    resumeName: 'Jane Doe',
    jobRole: 'Senior backend engineer',
    region: 'NA',
    source: 'job_board',
    email: 'Jane.Doe@example.com',
    phone: '+1 (415) 555-0100',
    linkedin: 'https://www.linkedin.com/in/jane-doe',
  };

  it('accepts a good record, trimming text and keeping the raw identifiers', () => {
    expect(submitCandidateSchema.parse(good)).toEqual({
      claimedName: 'Jane Doe',
      resumeName: 'Jane Doe',
      jobRole: 'Senior backend engineer',
      region: 'NA',
      source: 'job_board',
      email: 'Jane.Doe@example.com',
      phone: '+1 (415) 555-0100',
      linkedin: 'https://www.linkedin.com/in/jane-doe',
    });
  });

  it('makes phone and LinkedIn optional (empty strings)', () => {
    const { phone: _phone, linkedin: _linkedin, ...rest } = good;
    expect(submitCandidateSchema.parse(rest)).toMatchObject({ phone: '', linkedin: '' });
    expect(submitCandidateSchema.parse({ ...good, phone: '', linkedin: '  ' })).toMatchObject({ phone: '', linkedin: '' });
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['blank', '   '],
  ])('reports a %s name on claimedName', (_label, claimedName) => {
    expect(fieldErrors(submitCandidateSchema, { ...good, claimedName })).toEqual({
      claimedName: ['Name the candidate gave is required.'],
    });
  });

  it('reports a too-long name with its limit', () => {
    expect(fieldErrors(submitCandidateSchema, { ...good, resumeName: 'x'.repeat(201) })).toEqual({
      resumeName: ['Name on the résumé must be at most 200 characters.'],
    });
  });

  it.each(['XX', 'na', '', undefined])('reports a bad region %j on region', (region) => {
    expect(fieldErrors(submitCandidateSchema, { ...good, region })).toEqual({
      region: ['Choose the targeted office or region.'],
    });
  });

  it('accepts every region of the design', () => {
    for (const region of ['NA', 'EU', 'UK', 'APAC', 'LATAM', 'MEA']) {
      expect(submitCandidateSchema.safeParse({ ...good, region }).success).toBe(true);
    }
  });

  it('reports a bad source on source', () => {
    expect(fieldErrors(submitCandidateSchema, { ...good, source: 'cold_call' })).toEqual({
      source: ['Choose where the candidate came from.'],
    });
  });

  it.each([
    ['not-an-email', 'Not an email address.'],
    ['jane@localhost', 'The email domain is not valid.'],
  ])('reports a bad email %j on email', (email, message) => {
    expect(fieldErrors(submitCandidateSchema, { ...good, email })).toEqual({ email: [message] });
  });

  it('reports a missing email on email, "required" first', () => {
    const errors = fieldErrors(submitCandidateSchema, { ...good, email: '' });
    expect(Object.keys(errors)).toEqual(['email']);
    // The normalization check also runs on the empty string and adds "Not an email address."
    // (reported to the lead); the form shows the first message.
    expect(errors.email?.[0]).toBe('Email is required.');
  });

  it.each(['12', 'call me'])('reports a bad phone %j on phone', (phone) => {
    expect(fieldErrors(submitCandidateSchema, { ...good, phone })).toEqual({ phone: [NOT_PHONE] });
  });

  it('reports a bad LinkedIn on linkedin', () => {
    expect(fieldErrors(submitCandidateSchema, { ...good, linkedin: 'jane doe' })).toEqual({
      linkedin: ['Not a linkedin.com profile or handle.'],
    });
  });

  it('reports several bad identifiers at once, each on its field', () => {
    expect(fieldErrors(submitCandidateSchema, { ...good, email: 'nope', phone: '12', linkedin: 'jane doe' })).toEqual({
      email: ['Not an email address.'],
      phone: [NOT_PHONE],
      linkedin: ['Not a linkedin.com profile or handle.'],
    });
  });

  it('reports several missing fields at once', () => {
    expect(fieldErrors(submitCandidateSchema, {})).toEqual({
      claimedName: ['Name the candidate gave is required.'],
      resumeName: ['Name on the résumé is required.'],
      jobRole: ['Role applied for is required.'],
      region: ['Choose the targeted office or region.'],
      source: ['Choose where the candidate came from.'],
      email: ['Email is required.'],
    });
  });
});

describe('addIdentifierSchema', () => {
  const base = { reference: 'HW-2026-0042', source: 'ATS import' };

  it('accepts a valid identifier and keeps the value as typed', () => {
    expect(addIdentifierSchema.parse({ ...base, kind: 'email', value: ' J.Doe@Gmail.com ' })).toEqual({
      ...base,
      kind: 'email',
      value: 'J.Doe@Gmail.com',
    });
  });

  it.each([
    ['ip', '010.0.0.1', 'Write IPv4 addresses as four decimal parts, e.g. 203.0.113.7.'],
    ['ip', 'not an ip', 'Not an IPv4 or IPv6 address.'],
    ['email', 'jane@localhost', 'The email domain is not valid.'],
    ['phone', '12', NOT_PHONE],
    ['wallet', 'short', 'Not a wallet address.'],
    ['resume_hash', 'xyz', 'Not a hex digest.'],
    ['github', 'octo cat', 'Not a github.com profile or handle.'],
    ['name', '---', 'A name needs at least one letter.'],
  ])('reports the %s normalization error for %j on "value"', (kind, value, message) => {
    const result = addIdentifierSchema.safeParse({ ...base, kind, value });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => ({ path: i.path, message: i.message }))).toEqual([{ path: ['value'], message }]);
  });

  it('reports an unknown kind, a bad reference and empty fields, each on its field', () => {
    expect(fieldErrors(addIdentifierSchema, { reference: 'bad', kind: 'ssn', value: '', source: '' })).toEqual({
      reference: ['Unknown case reference.'],
      kind: ['Choose the kind of identifier.'],
      value: ['Value is required.'],
      source: ['Source is required.'],
    });
  });
});

describe('addInterviewSchema', () => {
  const base = {
    reference: 'HW-2026-0042',
    heldOn: '2026-03-10',
    kind: 'technical',
    interviewer: 'Sam Lee',
    nameUsed: 'John Smith',
    outcome: 'hold',
  };

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-15T12:00:00Z'));
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('accepts a single observation string as a one-item list', () => {
    expect(addInterviewSchema.parse({ ...base, observations: 'voice_switching' })).toEqual({
      ...base,
      observations: ['voice_switching'],
      notes: '',
    });
  });

  it('accepts an array of observations', () => {
    expect(addInterviewSchema.parse({ ...base, observations: ['camera_refused', 'high_latency'] }).observations).toEqual([
      'camera_refused',
      'high_latency',
    ]);
  });

  it.each([undefined, ''])('reads %j observations as none', (observations) => {
    expect(addInterviewSchema.parse({ ...base, observations }).observations).toEqual([]);
  });

  it.each([['bogus'], 'bogus', ['voice_switching', 'accent']])('refuses unknown observations %j', (observations) => {
    expect(fieldErrors(addInterviewSchema, { ...base, observations })).toEqual({ observations: ['Unknown observation.'] });
  });

  it('accepts an interview held today', () => {
    expect(addInterviewSchema.parse({ ...base, heldOn: '2026-03-15' }).heldOn).toBe('2026-03-15');
  });

  it.each(['2026-03-16', '2027-01-01'])('refuses a future date %s', (heldOn) => {
    expect(fieldErrors(addInterviewSchema, { ...base, heldOn })).toEqual({
      heldOn: ['The interview date cannot be in the future.'],
    });
  });

  it.each(['2026-02-30', '15/03/2026', ''])('refuses a malformed date %j', (heldOn) => {
    expect(fieldErrors(addInterviewSchema, { ...base, heldOn })).toEqual({ heldOn: ['Give the date of the interview.'] });
  });

  it('refuses an unknown kind and outcome', () => {
    expect(fieldErrors(addInterviewSchema, { ...base, kind: 'coffee', outcome: 'maybe' })).toEqual({
      kind: ['Choose the kind of interview.'],
      outcome: ['Choose the outcome.'],
    });
  });
});

describe('moveSchema', () => {
  const base = { reference: 'HW-2026-0042', move: 'escalate' };

  it.each([
    ['3', 3],
    [' 12 ', 12],
    [7, 7],
  ])('coerces version %j to %i', (version, expected) => {
    expect(moveSchema.parse({ ...base, version })).toEqual({ ...base, version: expected, rationale: '' });
  });

  it.each(['0', '-1', '1.5', 'abc', ''])('refuses version %j', (version) => {
    expect(Object.keys(fieldErrors(moveSchema, { ...base, version }))).toEqual(['version']);
  });

  it('trims the rationale', () => {
    expect(moveSchema.parse({ ...base, version: '1', rationale: '  relied on the failed ID check  ' }).rationale).toBe(
      'relied on the failed ID check',
    );
  });

  it('refuses an unknown move', () => {
    expect(fieldErrors(moveSchema, { ...base, move: 'delete', version: '1' })).toEqual({ move: ['Unknown action.'] });
  });

  it('accepts every lifecycle move', () => {
    for (const move of ['start_investigating', 'submit_for_decision', 'escalate', 'clear', 'reopen']) {
      expect(moveSchema.parse({ ...base, move, version: '1' }).move).toBe(move);
    }
  });

  it('tells the reviewer the minimum rationale length', () => {
    expect(RATIONALE_HINT).toBe('At least 20 characters: what you relied on, for the record.');
  });
});
