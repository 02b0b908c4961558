import { describe, expect, it } from 'vitest';
import { IDENTIFIER_KINDS, TLP_LEVELS, type IdentifierKind } from '@/lib/domain';
import { normalizeIdentifier } from '@/lib/intel/normalize';
import { buildBundle, type ExportEntry, type Organisation } from './bundle';
import { readBundle } from './import';
import { TLP_MARKING_IDS } from './markings';
import { identifierOf, parsePattern, patternFor } from './patterns';
import { validateBundle } from './validate';

const SAMPLES: Record<IdentifierKind, string> = {
  email: 'Jane.Doe+jobs@gmail.com',
  phone: '+1 415 555 0100',
  ip: '2001:DB8::1',
  name: 'Jané O\'Brien',
  wallet: '0x52908400098527886E0F7030069857D2E4169EE7',
  address: '12 Main Street, Apt 4, Springfield',
  linkedin: 'https://www.linkedin.com/in/jane-doe/',
  github: 'github.com/janedoe',
  device: 'fp-9f86d081884c7d65',
  resume_hash: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  photo_hash: 'd41d8cd98f00b204e9800998ecf8427e',
};

const ORG: Organisation = { identityId: 'identity--6f1c6a0c-4a8e-4c1e-9d3a-2b7c0d5e8f10', name: 'Example Corp', createdAt: new Date('2026-01-01T00:00:00Z') };

function normalized(kind: IdentifierKind): string {
  const result = normalizeIdentifier(kind, SAMPLES[kind]);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

function entries(): ExportEntry[] {
  return IDENTIFIER_KINDS.map((kind, i) => ({
    id: `0b6f5f7e-3c1d-4a2b-8c9d-${String(i).padStart(12, '0')}`,
    kind,
    normalized: normalized(kind),
    source: 'Own investigation',
    confidence: (['low', 'medium', 'high'] as const)[i % 3],
    tlp: TLP_LEVELS[i % TLP_LEVELS.length],
    createdAt: new Date('2026-03-01T10:00:00.000Z'),
    expiresAt: i % 2 === 0 ? new Date('2099-12-31T23:59:59.000Z') : null,
    escalatedCase: i < 3 ? { id: '5d7e2a4c-1b3f-4e6a-9c8d-7f6e5d4c3b2a', reference: 'HW-2026-0042', decidedAt: new Date('2026-02-28T09:00:00.000Z') } : null,
  }));
}

describe('STIX patterns', () => {
  for (const kind of IDENTIFIER_KINDS) {
    it(`${kind}: the pattern reads back as the same kind and value`, () => {
      const pattern = patternFor(kind, normalized(kind));
      const parsed = parsePattern(pattern);
      expect(parsed.ok, pattern).toBe(true);
      if (!parsed.ok) return;
      expect(identifierOf(parsed.comparisons)).toEqual({ ok: true, kind, value: normalized(kind) });
    });
  }

  it('writes the standard object paths for email and IP addresses', () => {
    expect(patternFor('email', 'a@example.org')).toBe("[email-addr:value = 'a@example.org']");
    expect(patternFor('ip', '203.0.113.7')).toBe("[ipv4-addr:value = '203.0.113.7']");
    expect(patternFor('ip', '2001:db8::1')).toBe("[ipv6-addr:value = '2001:db8::1']");
    expect(patternFor('resume_hash', 'a'.repeat(64))).toBe(`[file:hashes.'SHA-256' = '${'a'.repeat(64)}']`);
  });

  it('escapes quotes and backslashes in values', () => {
    const pattern = patternFor('name', "o'brien \\ x");
    expect(pattern).toBe("[persona:persona_name = 'o\\'brien \\\\ x']");
    const parsed = parsePattern(pattern);
    expect(parsed.ok && parsed.comparisons[0].value).toBe("o'brien \\ x");
  });

  it.each([
    ["[email-addr:value = 'a@x.org'] OR [email-addr:value = 'b@x.org']", 'only AND'],
    ["[email-addr:value = 'a@x.org' OR email-addr:value = 'b@x.org']", 'only AND'],
    ["[ipv4-addr:value ISSUBSET '198.51.100.0/24']", 'only the = comparison'],
    ["[email-addr:value = 'a@x.org'] WITHIN 600 SECONDS", 'not a single observation'],
    ['[file:size = 25536]', 'only string values'],
    ["[email-addr:value = 'open", 'not a single observation'],
  ])('refuses %s', (pattern, reason) => {
    const parsed = parsePattern(pattern);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toContain(reason);
  });
});

describe('STIX bundle export', () => {
  it('passes the STIX 2.1 required-property validator', () => {
    expect(validateBundle(buildBundle(entries(), ORG))).toEqual([]);
  });

  it('writes indicators with confidence 0-100, TLP 2.0 markings, expiry and the organisation as creator', () => {
    const bundle = buildBundle(entries(), ORG);
    const indicators = bundle.objects.filter((o) => o.type === 'indicator');
    expect(indicators).toHaveLength(IDENTIFIER_KINDS.length);
    const first = indicators[0];
    expect(first).toMatchObject({
      spec_version: '2.1',
      pattern_type: 'stix',
      valid_from: '2026-03-01T10:00:00.000Z',
      valid_until: '2099-12-31T23:59:59.000Z',
      confidence: 15,
      created_by_ref: ORG.identityId,
      object_marking_refs: [TLP_MARKING_IDS.clear],
    });
    expect(indicators[1]).not.toHaveProperty('valid_until');
    expect(bundle.objects.filter((o) => o.type === 'marking-definition').map((o) => o.id).sort()).toEqual(Object.values(TLP_MARKING_IDS).sort());
  });

  it('names escalated cases only by reference, as a threat actor the case indicators indicate', () => {
    const bundle = buildBundle(entries(), ORG);
    const actors = bundle.objects.filter((o) => o.type === 'threat-actor');
    expect(actors).toHaveLength(1);
    expect(actors[0].name).toBe('Hiring-fraud applicant HW-2026-0042');
    const relationships = bundle.objects.filter((o) => o.type === 'relationship');
    expect(relationships).toHaveLength(3);
    expect(relationships.every((r) => r.relationship_type === 'indicates' && r.target_ref === actors[0].id)).toBe(true);
    // The strictest marking of its three indicators (clear, green, amber).
    expect(actors[0].object_marking_refs).toEqual([TLP_MARKING_IDS.amber]);
    const text = JSON.stringify(bundle);
    expect(text).not.toContain('Own investigation');
  });

  it('the validator catches missing and malformed required properties', () => {
    const bundle = buildBundle(entries(), ORG);
    const indicator = bundle.objects.find((o) => o.type === 'indicator')!;
    delete indicator.valid_from;
    indicator.spec_version = '2.0';
    indicator.confidence = 101;
    const actor = bundle.objects.find((o) => o.type === 'threat-actor')!;
    actor.id = 'threat-actor--not-a-uuid';
    const relationship = bundle.objects.find((o) => o.type === 'relationship')!;
    relationship.created = '2026-03-01 10:00';
    bundle.objects.push({ type: 'indicator', id: 'indicator--1b4e28ba-2fa1-41d2-883f-0016d3cca427', spec_version: '2.1', created: '2026-03-01T10:00:00.000Z', modified: '2026-03-01T10:00:00.000Z', pattern: "[a:b = 'c'] OR", pattern_type: 'stix', valid_from: '2026-03-01T10:00:00Z', valid_until: '2026-02-01T10:00:00Z' });
    const errors = validateBundle(bundle).join('\n');
    expect(errors).toContain(`${indicator.id}: valid_from is required`);
    expect(errors).toContain(`${indicator.id}: spec_version must be "2.1"`);
    expect(errors).toContain('confidence must be an integer from 0 to 100');
    expect(errors).toContain('threat-actor--not-a-uuid: id must be <type>--<UUIDv4>');
    expect(errors).toContain('created must be a UTC timestamp with milliseconds');
    expect(errors).toContain('valid_until must be after valid_from');
    expect(errors).toContain('target_ref threat-actor--5d7e2a4c-1b3f-4e6a-9c8d-7f6e5d4c3b2a is not in the bundle');
    expect(errors).toContain('pattern: not a single observation');
  });
});

describe('STIX bundle import', () => {
  it('round trip: export then import gives back the same entries', () => {
    const original = entries();
    const read = readBundle(JSON.stringify(buildBundle(original, ORG)), new Date('2026-06-01T00:00:00Z'));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.skipped).toEqual([]);
    const key = (e: { kind: string; normalized: string; confidence: string; tlp: string; expiresAt: Date | null }) => ({
      kind: e.kind,
      normalized: e.normalized,
      confidence: e.confidence,
      tlp: e.tlp,
      expiresAt: e.expiresAt?.toISOString() ?? null,
    });
    expect(read.accepted.map(key)).toEqual(original.map(key));
    expect(read.accepted.every((e) => e.source === 'STIX: Example Corp')).toBe(true);
  });

  it('maps email domains and IP ranges both ways', () => {
    expect(patternFor('email_domain', 'evil.example')).toBe("[domain-name:value = 'evil.example']");
    expect(identifierOf([{ path: 'domain-name:value', value: 'evil.example' }])).toEqual({ ok: true, kind: 'email_domain', value: 'evil.example' });
    expect(patternFor('ip', '203.0.113.0/24')).toBe("[ipv4-addr:value = '203.0.113.0/24']");
  });

  it('reports each indicator it cannot take, with the reason, and takes the rest', () => {
    const indicator = (id: string, extra: Record<string, unknown>) => ({ type: 'indicator', spec_version: '2.1', id: `indicator--${id}`, created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', pattern_type: 'stix', valid_from: '2026-01-01T00:00:00Z', ...extra });
    const bundle = {
      type: 'bundle',
      id: 'bundle--2a8f3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d',
      objects: [
        indicator('00000000-0000-4000-8000-000000000001', { pattern: "[url:value = 'https://evil.example/login']" }),
        indicator('00000000-0000-4000-8000-000000000002', { pattern: "[email-addr:value = 'x@a.org'] OR [email-addr:value = 'y@a.org']" }),
        indicator('00000000-0000-4000-8000-000000000003', { pattern: 'rule x { condition: true }', pattern_type: 'yara' }),
        indicator('00000000-0000-4000-8000-000000000004', { pattern: "[ipv4-addr:value = '999.1.1.1']" }),
        indicator('00000000-0000-4000-8000-000000000005', { pattern: "[email-addr:value = 'old@a.org']", valid_until: '2026-02-01T00:00:00Z' }),
        indicator('00000000-0000-4000-8000-000000000006', { pattern: "[email-addr:value = 'ok@a.org']", confidence: 90, object_marking_refs: ['marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9'] }),
        indicator('00000000-0000-4000-8000-000000000007', { pattern: "[email-addr:value = 'gone@a.org']", revoked: true }),
      ],
    };
    const read = readBundle(JSON.stringify(bundle), new Date('2026-06-01T00:00:00Z'));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.accepted.map((a) => [a.kind, a.normalized, a.confidence, a.tlp])).toEqual([['email', 'ok@a.org', 'high', 'clear']]);
    expect(read.skipped.map((s) => [s.stixId.slice(-1), s.reason])).toEqual([
      ['1', 'no watchlist kind for url (url:value)'],
      ['2', 'pattern only AND between comparisons inside one observation is imported'],
      ['3', 'pattern_type "yara" is not imported (only "stix")'],
      ['4', 'ip value refused: Not an IPv4 or IPv6 address.'],
      ['5', 'expired (valid_until is in the past)'],
      ['7', 'revoked'],
    ]);
  });

  it('refuses a file that is not a bundle', () => {
    expect(readBundle('not json')).toEqual({ ok: false, error: 'The file is not JSON.' });
    expect(readBundle('{"type":"indicator"}').ok).toBe(false);
  });
});
