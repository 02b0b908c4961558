// Hostile values for property tests (fast-check): what an attacker, a broken client or a
// copy-paste from a spreadsheet sends to a form or an API. Shared by the fuzz suites.
import fc from 'fast-check';

const PAYLOADS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  'javascript:alert(document.cookie)',
  "'; drop table cases; --",
  "' or '1'='1",
  '=HYPERLINK("http://evil.example","x")',
  '__proto__',
  'constructor',
  '{"$ne":null}',
  '../../../../etc/passwd',
  '\u0000',
  'a\u0000b',
  '\u202e\u202dreversed',
  '𝓗𝓮𝓵𝓵𝓸 👩‍💻',
  ' \t\r\n ',
  '',
  'NaN',
  '-1',
  '99999999999999999999999',
  '1e309',
  'HW-2026-0001',
  '00000000-0000-4000-8000-000000000000',
  'x'.repeat(10_001),
  'é'.repeat(300),
];

/** One hostile string: a known payload, random text, or a payload buried in random text. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...PAYLOADS),
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc.tuple(fc.string({ maxLength: 20 }), fc.constantFrom(...PAYLOADS), fc.string({ maxLength: 20 })).map(([a, b, c]) => a + b + c),
);

/**
 * A form's values: each known field keeps its valid value or gets a hostile one (so some
 * inputs get past validation and reach the database), plus the odd unknown field.
 */
export function hostileForm(valid: Record<string, string>): fc.Arbitrary<Record<string, string>> {
  const fields = Object.fromEntries(Object.entries(valid).map(([key, value]) => [key, fc.oneof({ weight: 1, arbitrary: fc.constant(value) }, { weight: 2, arbitrary: hostileString })]));
  return fc.tuple(fc.record(fields), fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'role', 'id', 'extra'), hostileString, { maxKeys: 2 })).map(([known, extra]) => ({ ...extra, ...known }));
}

/** Any JSON value, deep and odd, for JSON bodies. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.object({ maxDepth: 3 }), hostileString);
