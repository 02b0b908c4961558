// The audit hash chain's pure parts: canonical JSON (RFC 8785 for JSON values), the entry hash
// and the verification rules. The database side is tests/integration/audit-hash-chain.test.ts.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, ChainVerifier, entryHash, GENESIS_HASH, verifyEntries, type ChainedContent, type StoredEntry } from './hash-chain';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function content(id: number, overrides: Partial<ChainedContent> = {}): ChainedContent {
  return {
    id,
    at: new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 678) + id * 1000),
    actorId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    actorEmail: 'lead@example.org',
    action: 'case.moved',
    targetType: 'case',
    targetId: `HW-2026-${String(id).padStart(4, '0')}`,
    caseId: null,
    before: { status: 'open' },
    after: { status: 'investigating', assignee: 'lead@example.org' },
    ip: '203.0.113.7',
    userAgent: 'vitest',
    ...overrides,
  };
}

/** A well-formed chain of `n` entries with ids 1..n (or the ids given). */
function chain(ids: number[], first = GENESIS_HASH): StoredEntry[] {
  let prevHash = first;
  return ids.map((id) => {
    const entry = content(id);
    const hash = entryHash(prevHash, entry);
    const stored = { ...entry, prevHash, hash };
    prevHash = hash;
    return stored;
  });
}

describe('canonicalJson', () => {
  it('sorts object keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }, 1], c: null } })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1},1]},"b":1}');
  });

  it('gives the same text whatever order the keys come in (as jsonb gives them back)', () => {
    const written = { reason: 'x', score: 40, links: [{ value: 'a@b', kind: 'email' }], nested: { b: true, a: false } };
    const readBack = JSON.parse('{"links":[{"kind":"email","value":"a@b"}],"nested":{"a":false,"b":true},"reason":"x","score":40}');
    expect(canonicalJson(readBack)).toBe(canonicalJson(written));
  });

  it('normalizes values as JSON.stringify writes them into a jsonb column', () => {
    const at = new Date('2026-03-04T05:06:07.089Z');
    expect(canonicalJson({ gone: undefined, at, list: [undefined, Number.NaN, -0, Infinity], n: 1.5 })).toBe(
      '{"at":"2026-03-04T05:06:07.089Z","list":[null,null,0,null],"n":1.5}',
    );
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
  });

  it('serializes numbers and strings as RFC 8785 does (its example)', () => {
    const input = JSON.parse(
      '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}',
    );
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('orders keys by UTF-16 code units (RFC 8785 sorting example)', () => {
    const input = JSON.parse(
      '{"\\u20ac":"Euro Sign","\\r":"Carriage Return","\\ufb33":"Hebrew Letter Dalet With Dagesh","1":"One","\\ud83d\\ude00":"Emoji: Grinning Face","\\u0080":"Control","\\u00f6":"Latin Small Letter O With Diaeresis"}',
    );
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });
});

describe('entryHash', () => {
  it('is SHA-256 hex over prevHash followed by the canonical content', () => {
    const entry = content(1, { actorId: null, caseId: null, before: null, after: { b: 2, a: 1 }, ip: null, userAgent: null, action: 'user.created', targetType: 'user', targetId: 'x' });
    const canonical =
      '{"action":"user.created","actorEmail":"lead@example.org","actorId":null,"after":{"a":1,"b":2},"at":"2026-01-02T03:04:06.678Z","before":null,"caseId":null,"id":1,"ip":null,"targetId":"x","targetType":"user","userAgent":null}';
    expect(entryHash(GENESIS_HASH, entry)).toBe(sha256(GENESIS_HASH + canonical));
    expect(entryHash(GENESIS_HASH, entry)).toMatch(/^[0-9a-f]{64}$/);
    expect(GENESIS_HASH).toBe('0'.repeat(64));
  });

  it('changes with the previous hash and with every field of the content', () => {
    const base = content(5);
    const hash = entryHash(GENESIS_HASH, base);
    expect(entryHash('1'.repeat(64), base)).not.toBe(hash);
    const changes: Partial<ChainedContent>[] = [
      { id: 6 },
      { at: new Date(base.at.getTime() + 1) },
      { actorId: null },
      { actorEmail: 'cso@example.org' },
      { action: 'case.decided' },
      { targetType: 'user' },
      { targetId: 'HW-2026-9999' },
      { caseId: '7c9e6679-7425-40de-944b-e07fc1f90ae7' },
      { before: null },
      { after: { status: 'investigating', assignee: 'someone@else' } },
      { ip: null },
      { userAgent: 'curl' },
    ];
    for (const change of changes) expect(entryHash(GENESIS_HASH, { ...base, ...change }), JSON.stringify(change)).not.toBe(hash);
  });

  it('treats an absent before/after as null and ignores key order inside them', () => {
    const base = content(1);
    expect(entryHash(GENESIS_HASH, { ...base, before: undefined })).toBe(entryHash(GENESIS_HASH, { ...base, before: null }));
    expect(entryHash(GENESIS_HASH, { ...base, after: { assignee: 'lead@example.org', status: 'investigating' } })).toBe(entryHash(GENESIS_HASH, base));
  });

  it('refuses an invalid date', () => {
    expect(() => entryHash(GENESIS_HASH, content(1, { at: new Date(Number.NaN) }))).toThrow(RangeError);
  });
});

describe('verifyEntries', () => {
  it('accepts an intact chain (ids may have gaps) and reports its head', () => {
    const entries = chain([1, 2, 4, 7]);
    expect(verifyEntries(entries)).toEqual({ ok: true, checked: 4, unhashed: 0, head: { id: 7, hash: entries[3].hash } });
  });

  it('accepts an empty log', () => {
    expect(verifyEntries([])).toEqual({ ok: true, checked: 0, unhashed: 0, head: null });
  });

  it('reports a changed entry as a hash mismatch at that entry', () => {
    const entries = chain([1, 2, 3, 4]);
    entries[2] = { ...entries[2], after: { status: 'cleared' } };
    expect(verifyEntries(entries)).toMatchObject({ ok: false, checked: 3, firstBroken: { id: 3, reason: 'hash mismatch' } });
  });

  it('reports a removed entry as a broken link at the entry after it', () => {
    const entries = chain([1, 2, 3, 4]);
    entries.splice(1, 1);
    expect(verifyEntries(entries)).toMatchObject({ ok: false, checked: 2, head: { id: 1 }, firstBroken: { id: 3, reason: 'prev link mismatch' } });
  });

  it('reports an entry re-hashed after a change as a broken link at the next entry', () => {
    const entries = chain([1, 2, 3]);
    const forged = { ...entries[1], actorEmail: 'someone@else' };
    entries[1] = { ...forged, hash: entryHash(forged.prevHash!, forged) };
    expect(verifyEntries(entries)).toMatchObject({ ok: false, firstBroken: { id: 3, reason: 'prev link mismatch' } });
  });

  it('reports a changed prevHash as a hash mismatch, and a made-up first link as a broken link', () => {
    const entries = chain([1, 2, 3]);
    entries[1] = { ...entries[1], prevHash: 'f'.repeat(64) };
    expect(verifyEntries(entries)).toMatchObject({ firstBroken: { id: 2, reason: 'hash mismatch' } });
    expect(verifyEntries(chain([1, 2], 'a'.repeat(64)))).toMatchObject({ ok: false, firstBroken: { id: 1, reason: 'prev link mismatch' } });
  });

  it('counts unhashed entries written before the chain began, and refuses one after it began', () => {
    const legacy = [1, 2].map((id) => ({ ...content(id), prevHash: null, hash: null }));
    const entries = [...legacy, ...chain([3, 4])];
    expect(verifyEntries(entries)).toMatchObject({ ok: true, checked: 4, unhashed: 2, head: { id: 4 } });
    const sneaked = { ...content(5), prevHash: null, hash: null };
    expect(verifyEntries([...entries, sneaked])).toMatchObject({ ok: false, checked: 5, firstBroken: { id: 5, reason: 'missing hash' } });
  });

  it('stops at the first broken entry', () => {
    const entries = chain([1, 2, 3, 4]);
    entries[1] = { ...entries[1], targetId: 'forged' };
    entries[3] = { ...entries[3], targetId: 'forged too' };
    expect(verifyEntries(entries)).toMatchObject({ checked: 2, firstBroken: { id: 2 } });
  });

  it('insists on increasing id order', () => {
    const [first] = chain([1]);
    const verifier = new ChainVerifier();
    expect(verifier.add(first)).toBe(true);
    expect(() => verifier.add(first)).toThrow(/increasing id order/);
  });
});
