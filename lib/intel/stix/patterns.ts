// Watchlist identifiers as STIX 2.1 patterns, and back. Export writes one observation of
// equality comparisons per identifier; import reads the same subset and refuses the rest
// (OR, other operators, several observations, qualifiers) with a reason, since a watchlist
// entry is one exact value. The object paths are in README.md ("STIX mapping").
import type { WatchlistKind } from '@/lib/domain';

export interface Comparison {
  /** The object path as written, e.g. `email-addr:value` or `file:hashes.'SHA-256'`. */
  path: string;
  value: string;
}

const HASH_ALGORITHMS: Record<number, string> = { 32: 'MD5', 40: 'SHA-1', 64: 'SHA-256', 128: 'SHA-512' };

/** How each kind is written; `normalized` is the watchlist's normalized value. */
export function comparisonsFor(kind: WatchlistKind, normalized: string): Comparison[] {
  switch (kind) {
    case 'email':
      return [{ path: 'email-addr:value', value: normalized }];
    case 'email_domain':
      // Every address at the domain (or a subdomain): the domain itself is the observable.
      return [{ path: 'domain-name:value', value: normalized }];
    // A range is written as CIDR, which ipv4-addr / ipv6-addr values allow.
    case 'ip':
      return [{ path: normalized.includes(':') ? 'ipv6-addr:value' : 'ipv4-addr:value', value: normalized }];
    case 'phone':
      // No STIX 2.1 object for phone numbers: OpenCTI's custom `phone-number` observable.
      return [{ path: 'phone-number:value', value: normalized }];
    case 'wallet':
      // OpenCTI's custom `cryptocurrency-wallet` observable.
      return [{ path: 'cryptocurrency-wallet:value', value: normalized }];
    case 'name':
      return [{ path: 'persona:persona_name', value: normalized }];
    case 'linkedin':
    case 'github':
      return [
        { path: 'user-account:account_type', value: kind },
        { path: 'user-account:account_login', value: normalized },
      ];
    case 'resume_hash':
    case 'photo_hash': {
      const algorithm = HASH_ALGORITHMS[normalized.length];
      const object = kind === 'resume_hash' ? 'file' : 'artifact';
      return [{ path: algorithm ? `${object}:hashes.'${algorithm}'` : `x-hirewatch-${kind.replace('_', '-')}:value`, value: normalized }];
    }
    case 'address':
      return [{ path: 'x-hirewatch-postal-address:value', value: normalized }];
    case 'device':
      return [{ path: 'x-hirewatch-device:fingerprint', value: normalized }];
  }
}

function quote(value: string): string {
  return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

export function patternFor(kind: WatchlistKind, normalized: string): string {
  return `[${comparisonsFor(kind, normalized)
    .map((c) => `${c.path} = ${quote(c.value)}`)
    .join(' AND ')}]`;
}

export type ParsedPattern = { ok: true; comparisons: Comparison[] } | { ok: false; error: string };

const PATH = /^[a-z0-9][a-z0-9-]*:[a-z0-9_]+(?:\.(?:[a-z0-9_]+|'[^']+'|\[\d+\]))*/i;

/** Reads `[path = 'value' AND path = 'value' …]`; anything richer is refused with why. */
export function parsePattern(pattern: string): ParsedPattern {
  let rest = pattern.trim();
  if (!rest.startsWith('[') || !rest.endsWith(']')) return { ok: false, error: 'not a single observation expression [ … ]' };
  rest = rest.slice(1, -1).trim();
  const comparisons: Comparison[] = [];
  while (true) {
    const path = PATH.exec(rest);
    if (!path) return { ok: false, error: 'expected an object path such as email-addr:value' };
    rest = rest.slice(path[0].length).trim();
    if (!rest.startsWith('=') || rest.startsWith('==')) return { ok: false, error: 'only the = comparison is imported' };
    rest = rest.slice(1).trim();
    if (!rest.startsWith("'")) return { ok: false, error: 'only string values are imported' };
    let value = '';
    let i = 1;
    for (; i < rest.length && rest[i] !== "'"; i += 1) {
      if (rest[i] === '\\') {
        i += 1;
        if (rest[i] !== "'" && rest[i] !== '\\') return { ok: false, error: 'invalid escape in a string value' };
      }
      value += rest[i];
    }
    if (i >= rest.length) return { ok: false, error: 'unterminated string value' };
    comparisons.push({ path: path[0], value });
    rest = rest.slice(i + 1).trim();
    if (rest === '') return { ok: true, comparisons };
    if (!/^AND\s/.test(rest)) return { ok: false, error: 'only AND between comparisons inside one observation is imported' };
    rest = rest.slice(3).trim();
  }
}

export type MappedIdentifier = { ok: true; kind: WatchlistKind; value: string } | { ok: false; error: string };

const SINGLE_PATH_KINDS: Record<string, WatchlistKind> = {
  'email-addr:value': 'email',
  'domain-name:value': 'email_domain',
  'ipv4-addr:value': 'ip',
  'ipv6-addr:value': 'ip',
  'phone-number:value': 'phone',
  'cryptocurrency-wallet:value': 'wallet',
  'persona:persona_name': 'name',
  'x-hirewatch-postal-address:value': 'address',
  'x-hirewatch-device:fingerprint': 'device',
  'x-hirewatch-resume-hash:value': 'resume_hash',
  'x-hirewatch-photo-hash:value': 'photo_hash',
};

/** The watchlist kind and value a pattern's comparisons stand for (the inverse of comparisonsFor). */
export function identifierOf(comparisons: Comparison[]): MappedIdentifier {
  if (comparisons.length === 1) {
    const [{ path, value }] = comparisons;
    const kind = SINGLE_PATH_KINDS[path];
    if (kind) return { ok: true, kind, value };
    const hash = /^(file|artifact):hashes\.'?([A-Za-z0-9-]+)'?$/.exec(path);
    if (hash) return { ok: true, kind: hash[1] === 'file' ? 'resume_hash' : 'photo_hash', value };
    return { ok: false, error: `no watchlist kind for ${path.split(':')[0]} (${path})` };
  }
  const byPath = new Map(comparisons.map((c) => [c.path, c.value]));
  const type = byPath.get('user-account:account_type');
  const login = byPath.get('user-account:account_login');
  if (comparisons.length === 2 && (type === 'linkedin' || type === 'github') && login !== undefined) return { ok: true, kind: type, value: login };
  return { ok: false, error: 'a combination of comparisons Hirewatch does not map to one identifier' };
}
