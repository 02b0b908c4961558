// Hostile HTTP requests for the REST API fuzz suite (fast-check): what an attacker, a broken
// integration or a proxy sends — odd headers, query strings, JSON and JSON Lines bodies that
// are almost right, deeply nested, oversized, not UTF-8, or carry prototype-pollution keys.
// Built on the hostile strings of hostile-inputs.ts.
import fc from 'fast-check';
import { CANDIDATE_SOURCES, CONFIDENCES, IDENTIFIER_KINDS, INTERVIEW_KINDS, INTERVIEW_OBSERVATIONS, REGIONS, TLP_LEVELS, WATCHLIST_KINDS } from '@/lib/domain';
import { hostileJson, hostileString } from './hostile-inputs';

export interface HostileRequest {
  /** Path and query, e.g. /api/v1/clearance?email=… */
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

/** Header values travel as Latin-1 bytes without CR, LF or NUL: anything else never reaches a handler. */
const headerSafe = (value: string) => value.replace(/[^\t\x20-\x7e\x80-\xff]/g, '');

export const hostileHeaderValue: fc.Arbitrary<string> = hostileString.map(headerSafe);

/** Mostly the valid token (so the body is what gets fuzzed), sometimes a broken or foreign one. */
export function authorizationHeader(token: string, otherToken: string): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    { weight: 12, arbitrary: fc.constant(`Bearer ${token}`) },
    { weight: 1, arbitrary: fc.constantFrom(undefined, `Bearer ${otherToken}`, `bearer   ${token}  `, `Basic ${Buffer.from('admin:admin').toString('base64')}`, `Bearer ${token}x`, `Bearer ${token.slice(0, -1)}`, 'Bearer', `Bearer hw_${'A'.repeat(43)}`, `Bearer ${token} ${token}`) },
    { weight: 1, arbitrary: hostileHeaderValue.map((v) => `Bearer ${v}`) },
  );
}

/** Mostly the expected Content-Type, sometimes another, a malformed one or none. */
export function contentTypeHeader(valid: string): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(valid, `${valid}; charset=utf-8`, valid.toUpperCase()) },
    { weight: 1, arbitrary: fc.constantFrom(undefined, 'text/plain', 'text/html', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/json-patch+json', ';;;', 'application/json, application/x-ndjson') },
    { weight: 1, arbitrary: hostileHeaderValue },
  );
}

/** Headers the API reads besides those two: the audit log stores the user agent and forwarded address. */
export const extraHeaders: fc.Arbitrary<Record<string, string>> = fc.record(
  {
    'user-agent': hostileHeaderValue,
    'x-forwarded-for': fc.oneof(hostileHeaderValue, fc.constantFrom('203.0.113.7', '::1, 10.0.0.1', ', , ,', '999.999.999.999')),
    'x-real-ip': hostileHeaderValue,
    'content-length': fc.oneof({ weight: 4, arbitrary: fc.constantFrom('-1', 'abc', '0', '1e3') }, { weight: 1, arbitrary: fc.constant('99999999999999999999') }),
    accept: fc.constantFrom('*/*', 'text/html', 'application/xml', ''),
  },
  { requiredKeys: [] },
);

/** A query string: the valid parameters kept or replaced by hostile ones, plus raw oddities appended. */
export function hostileQuery(valid: Record<string, string>): fc.Arbitrary<string> {
  const value = (v: string) => fc.oneof({ weight: 3, arbitrary: fc.constant(v) }, { weight: 1, arbitrary: hostileString });
  const params = fc.record(Object.fromEntries(Object.entries(valid).map(([k, v]) => [k, value(v)])), { requiredKeys: [] });
  const extra = fc.dictionary(fc.oneof(fc.constantFrom('__proto__', 'constructor', 'format', 'externalId', 'email', 'reference', 'kind', 'list'), fc.string({ maxLength: 10 })), hostileString, { maxKeys: 2 });
  const raw = fc.oneof({ weight: 3, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom('&%00=%00', '&email=%ZZ', '&externalId=%E0%A4%A', '&a=1&a=2', '&&&', '&=', '&externalId[]=1', `&q=${'%41'.repeat(3000)}`) });
  return fc.tuple(params, extra, raw).map(([known, more, tail]) => {
    const search = new URLSearchParams();
    for (const [k, v] of [...Object.entries(more), ...Object.entries(known)]) if (v !== undefined) search.append(k, v);
    return `?${search.toString()}${tail}`;
  });
}

/** A valid value, most of the time, else something hostile of any JSON type. */
function field<T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 6, arbitrary: valid as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: hostileString }, { weight: 1, arbitrary: hostileJson });
}

/** Every field of a record as field() of its valid arbitrary. */
function mutated(fields: Record<string, fc.Arbitrary<unknown>>): Record<string, fc.Arbitrary<unknown>> {
  return Object.fromEntries(Object.entries(fields).map(([key, valid]) => [key, field(valid)]));
}

const isoDay = fc.date({ min: new Date('1990-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const pastDay = fc.date({ min: new Date('2015-01-01'), max: new Date('2025-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

/** Extra keys for an object: prototype pollution, spelled as JSON so they survive as own properties, and NULs in a name. */
const pollution = fc.oneof(
  { weight: 4, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.constantFrom('"__proto__":{"role":"admin","polluted":true},', '"constructor":{"prototype":{"polluted":true}},', '"prototype":{"polluted":true},', '"a\\u0000b":1,', '"\\u0000":null,') },
);

/** A value as JSON text, with one of the extra keys spliced into its first object. */
const withExtraKey = (value: fc.Arbitrary<unknown>) => fc.tuple(value, pollution).map(([v, extra]) => JSON.stringify(v).replace(/\{(?!\})/, `{${extra}`));

/** A kind with a value valid for it, so that identifiers and watchlist entries can get through. */
const typedValue = fc.oneof(
  fc.emailAddress().map((value) => ({ kind: 'email', value })),
  fc.ipV4().map((value) => ({ kind: 'ip', value })),
  fc.ipV6().map((value) => ({ kind: 'ip', value })),
  fc.constantFrom('+1 415 555 0100', '(415) 555-0101', '+44 20 7946 0958').map((value) => ({ kind: 'phone', value })),
  fc.constantFrom('0x52908400098527886E0F7030069857D2E4169EE7', 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq').map((value) => ({ kind: 'wallet', value })),
  hostileString.map((value) => ({ kind: 'address', value: `${value} 1 Main Street` })),
  hostileString.map((value) => ({ kind: 'name', value: `${value} Kim` })),
);

/**
 * Free text that passes validation yet carries markup, SQL and odd unicode: a hostile string
 * without control characters, bounded, around plain words so it is never blank (the mutated
 * records below send the control characters and the oversized text).
 */
// eslint-disable-next-line no-control-regex
const freeText = hostileString.map((value) => `Seen ${value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').slice(0, 150)} here`);

const applicantFields = {
  externalId: fc.nat().map((n) => `FZ-${n}`),
  claimedName: freeText,
  resumeName: fc.constant('Alex Example'),
  role: freeText,
  region: fc.constantFrom(...REGIONS),
  source: fc.constantFrom(...CANDIDATE_SOURCES),
  submittedAt: fc.date({ min: new Date('2015-01-01'), max: new Date('2025-12-31'), noInvalidDate: true }).map((d) => d.toISOString()),
  identifiers: fc.array(typedValue, { maxLength: 4 }),
  interviews: fc.array(
    fc.record({ date: pastDay, kind: fc.constantFrom(...INTERVIEW_KINDS), interviewer: freeText, nameUsed: freeText, observations: fc.array(fc.constantFrom(...INTERVIEW_OBSERVATIONS), { maxLength: 3 }), notes: freeText }),
    { maxLength: 2 },
  ),
  indicators: fc.array(fc.record({ code: fc.constantFrom('name_mismatch_resume_interview', 'photo_ai_generated'), evidence: freeText }), { maxLength: 2 }),
  resumeText: freeText,
};
const required = ['externalId', 'claimedName', 'resumeName', 'role', 'region', 'source'] as const;

/** Each field of an applicant record valid or hostile, down into its identifiers, interviews and indicators. */
const mutatedApplicantRecord = fc.record<Record<string, unknown>>(
  {
    ...mutated(applicantFields),
    identifiers: field(fc.array(fc.record({ kind: field(fc.constantFrom(...IDENTIFIER_KINDS)), value: field(typedValue.map((t) => t.value)) }, { requiredKeys: [] }), { maxLength: 6 })),
    interviews: field(
      fc.array(
        fc.record({ date: field(isoDay), kind: field(fc.constantFrom(...INTERVIEW_KINDS)), interviewer: field(freeText), nameUsed: field(freeText), observations: field(fc.array(fc.constantFrom(...INTERVIEW_OBSERVATIONS), { maxLength: 3 })), notes: field(freeText) }, { requiredKeys: [] }),
        { maxLength: 3 },
      ),
    ),
    indicators: field(fc.array(fc.record({ code: field(fc.constantFrom('name_mismatch_resume_interview', 'photo_ai_generated', 'no_such_code')), evidence: field(freeText) }, { requiredKeys: [] }), { maxLength: 3 })),
  },
  { requiredKeys: [...required] },
);

/** An applicant record (lib/applicants/record.ts): valid (with hostile text in its free-text fields), or mutated field by field. */
export const hostileApplicantRecord: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  { weight: 1, arbitrary: fc.record(applicantFields, { requiredKeys: [...required] }) },
  { weight: 2, arbitrary: mutatedApplicantRecord },
);

const watchlistFields = {
  source: freeText,
  confidence: fc.constantFrom(...CONFIDENCES),
  list: fc.constantFrom('block', 'benign'),
  tlp: fc.constantFrom(...TLP_LEVELS),
  expiresOn: fc.date({ min: new Date('2030-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
};
const validWatchlistEntry = fc
  .tuple(fc.oneof(typedValue, fc.domain().map((value) => ({ kind: 'email_domain', value })), fc.constantFrom('10.0.0.0/8', '2001:db8::/32').map((value) => ({ kind: 'ip', value }))), fc.record(watchlistFields, { requiredKeys: ['source', 'confidence'] }))
  .map(([typed, rest]) => ({ ...typed, ...rest }));
const mutatedWatchlistEntry = fc.record<Record<string, unknown>>(
  { kind: field(fc.constantFrom(...WATCHLIST_KINDS)), value: field(typedValue.map((t) => t.value)), ...mutated(watchlistFields) },
  { requiredKeys: ['kind', 'value', 'source', 'confidence'] },
);

/** A watchlist POST body: an array of entries, valid ones (hostile sources) mixed with mutated ones. */
export const hostileWatchlistEntries: fc.Arbitrary<unknown[]> = fc.oneof(
  fc.array(validWatchlistEntry, { minLength: 1, maxLength: 4 }),
  fc.array(fc.oneof(validWatchlistEntry, mutatedWatchlistEntry), { minLength: 0, maxLength: 5 }),
);

/** JSON that is deeply nested (the parser and the validators must not blow their stack). */
const deepJson = fc.tuple(fc.integer({ min: 1_000, max: 100_000 }), fc.constantFrom('[', '{"a":')).map(([depth, open]) => open.repeat(depth) + '1' + (open === '[' ? ']' : '}').repeat(depth));

/**
 * A JSON body built on `valid` (an arbitrary of the expected shape): mostly that shape as JSON
 * (with pollution keys spliced into its objects), else hostile JSON, a deep or an oversized
 * one, text that is not JSON, or bytes that are not UTF-8.
 */
export function hostileJsonBody(valid: fc.Arbitrary<unknown>, oversizeBytes: number): fc.Arbitrary<string | Uint8Array> {
  return fc.oneof(
    { weight: 12, arbitrary: withExtraKey(valid) },
    { weight: 2, arbitrary: hostileJson.map((v) => JSON.stringify(v) ?? 'null') },
    { weight: 1, arbitrary: hostileString },
    { weight: 1, arbitrary: deepJson },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }) },
    { weight: 1, arbitrary: fc.constantFrom('', 'null', '[]', '{}', '"x"', '1e999', '{"a":1,"a":2}', '\ufeff{}', '{"externalId":"\\ud800"}', '{"externalId":"x","a\\u0000b":1}', '[{"kind":"email","value":"a@b.example","source":"s\\u0000","confidence":"low"}]') },
    { weight: 1, arbitrary: fc.constant(JSON.stringify({ externalId: 'FZ-big', resumeText: 'x'.repeat(oversizeBytes) })) },
  );
}

/** JSON Lines: applicant records, hostile lines, blank lines and raw NULs, with any line ending. */
export const hostileJsonLines: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc
      .tuple(
        fc.array(fc.oneof({ weight: 3, arbitrary: withExtraKey(hostileApplicantRecord) }, { weight: 1, arbitrary: hostileString }, { weight: 1, arbitrary: fc.constantFrom('', '{', '\u0000', '{"externalId":"a\u0000b"}', '{"externalId":"x","a\\u0000b":1}', '{"\\u0000":{"\\u0000":1}}', '[]', 'null', '\ufeff{}') }), { minLength: 0, maxLength: 8 }),
        fc.constantFrom('\n', '\r\n', '\r', '\n\n'),
      )
      .map(([lines, end]) => lines.join(end)),
  },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }) },
  { weight: 1, arbitrary: deepJson },
);

/** Builds the request, dropping headers the arbitraries left undefined. */
export function toRequest(base: string, method: string, hostile: HostileRequest): Request {
  const headers = Object.fromEntries(Object.entries(hostile.headers).filter((entry): entry is [string, string] => entry[1] !== undefined));
  // A copy, so the bytes sit in a plain ArrayBuffer as BodyInit wants.
  const body = typeof hostile.body === 'string' || hostile.body === undefined ? hostile.body : new Uint8Array(hostile.body);
  return new Request(base + hostile.url, { method, headers, body: method === 'GET' ? undefined : body });
}
