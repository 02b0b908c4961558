// Identifier normalization: two spellings of the same email, phone or IP must become one
// value, or a network of fake identities hides behind formatting. Pure, no I/O.
import ipaddr from 'ipaddr.js';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { IdentifierKind } from '@/lib/domain';

export type NormalizeResult = { ok: true; value: string } | { ok: false; error: string };

// Gmail ignores dots in the local part and both Gmail and these providers deliver
// "name+anything@" to "name@": operatives use that to register many "different" emails
// that all reach one inbox.
const DOT_INSENSITIVE_DOMAINS = new Set(['gmail.com', 'googlemail.com']);
const PLUS_TAG_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'icloud.com',
  'me.com',
  'proton.me',
  'protonmail.com',
  'fastmail.com',
  'yahoo.com',
]);
const DOMAIN_ALIASES: Record<string, string> = { 'googlemail.com': 'gmail.com', 'pm.me': 'proton.me' };

export function normalizeEmail(raw: string): NormalizeResult {
  const trimmed = raw.trim().toLowerCase();
  const at = trimmed.lastIndexOf('@');
  if (at <= 0 || at === trimmed.length - 1 || /\s/.test(trimmed)) return { ok: false, error: 'Not an email address.' };
  let local = trimmed.slice(0, at);
  const rawDomain = trimmed.slice(at + 1).replace(/\.$/, '');
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(rawDomain)) return { ok: false, error: 'The email domain is not valid.' };
  const domain = DOMAIN_ALIASES[rawDomain] ?? rawDomain;
  if (PLUS_TAG_DOMAINS.has(domain)) local = local.split('+')[0];
  if (DOT_INSENSITIVE_DOMAINS.has(domain)) local = local.replaceAll('.', '');
  if (!local) return { ok: false, error: 'Not an email address.' };
  return { ok: true, value: `${local}@${domain}` };
}

// Parsing a phone number against the full metadata is the slowest normalization (~50 µs),
// and an imported record's phones are normalized twice (the record's schema checks them,
// then the import stores them): the last results are kept. Bounded, and pure: a phone always
// normalizes the same way.
const PHONE_MEMO_SIZE = 10_000;
const phoneMemo = new Map<string, NormalizeResult>();

/**
 * Phones in E.164. Without a leading + or 00 the number is read as a US one. A number in
 * another country's national format ("010-1234-5678", "020 7946 0958") cannot be placed
 * without its country code; refusing it would lose the applicant's record on import, so it is
 * kept as its digits alone ("01012345678"): every spelling of it still links, though not to
 * the same number written with its country code.
 */
export function normalizePhone(raw: string, defaultCountry: 'US' = 'US'): NormalizeResult {
  const known = phoneMemo.get(raw);
  if (known) return known;
  const cleaned = raw.trim().replace(/^00/, '+');
  const phone = parsePhoneNumberFromString(cleaned, defaultCountry);
  const nationalDigits = /^[\d\s().-]+$/.test(cleaned) ? cleaned.replace(/\D/g, '') : '';
  const result: NormalizeResult = Object.freeze(
    phone?.isPossible()
      ? { ok: true, value: phone.number }
      : nationalDigits.length >= 8 && nationalDigits.length <= 15
        ? { ok: true, value: nationalDigits }
        : { ok: false, error: 'Not a phone number (use international format, e.g. +1 415 555 0100).' },
  );
  if (phoneMemo.size >= PHONE_MEMO_SIZE) phoneMemo.clear();
  phoneMemo.set(raw, result);
  return result;
}

export function normalizeIp(raw: string): NormalizeResult {
  const trimmed = raw.trim();
  if (!ipaddr.isValid(trimmed)) return { ok: false, error: 'Not an IPv4 or IPv6 address.' };
  let address = ipaddr.parse(trimmed);
  // An IPv4 address written as IPv6 (::ffff:1.2.3.4) is the same host.
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()) {
    address = (address as ipaddr.IPv6).toIPv4Address();
  }
  if (address.kind() === 'ipv4' && !ipaddr.IPv4.isValidFourPartDecimal(trimmed) && !trimmed.includes(':')) {
    return { ok: false, error: 'Write IPv4 addresses as four decimal parts, e.g. 203.0.113.7.' };
  }
  // toString() is the compact RFC 5952 form for IPv6 (lower case, longest zero run as ::).
  return { ok: true, value: address.toString() };
}

/** Case-, diacritic-, punctuation- and spacing-insensitive form of a name. */
export function foldName(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function normalizeName(raw: string): NormalizeResult {
  const folded = foldName(raw);
  return folded ? { ok: true, value: folded } : { ok: false, error: 'A name needs at least one letter.' };
}

// Bech32 (BIP 173: bc1…, tb1…, ltc1…, cosmos1…) is written all lower or all upper case, and both
// name one address.
const BECH32 = /^([a-z]{1,83}1[02-9ac-hj-np-z]{6,}|[A-Z]{1,83}1[02-9AC-HJ-NP-Z]{6,})$/;

function normalizeWallet(raw: string): NormalizeResult {
  const trimmed = raw.trim();
  if (!/^[A-Za-z0-9:]{20,120}$/.test(trimmed)) return { ok: false, error: 'Not a wallet address.' };
  // EVM addresses are case-insensitive hex (mixed case is only a checksum); base58 ones
  // (legacy bitcoin, Tron, Solana) are case-sensitive and kept as written.
  if (/^0x[0-9a-fA-F]{40}$/.test(trimmed) || BECH32.test(trimmed)) return { ok: true, value: trimmed.toLowerCase() };
  return { ok: true, value: trimmed };
}

// USPS-style abbreviations, so "123 Main Street, Apartment 4" and "123 Main St #4" are one
// laptop-farm address. Applied to whole words of the folded address.
const ADDRESS_WORDS: Record<string, string> = {
  street: 'st', avenue: 'ave', av: 'ave', road: 'rd', boulevard: 'blvd', drive: 'dr', lane: 'ln',
  court: 'ct', place: 'pl', square: 'sq', highway: 'hwy', parkway: 'pkwy', terrace: 'ter',
  circle: 'cir', north: 'n', south: 's', east: 'e', west: 'w', floor: 'fl',
  apartment: 'unit', apt: 'unit', suite: 'unit', ste: 'unit', no: 'unit', number: 'unit',
};

function normalizeAddress(raw: string): NormalizeResult {
  const words = foldName(raw.replace(/#\s*/g, ' unit ')).split(' ').filter(Boolean).map((word) => ADDRESS_WORDS[word] ?? word);
  // "Apt. #4" folds to "unit unit 4": one unit marker is enough.
  const folded = words.filter((word, i) => !(word === 'unit' && words[i - 1] === 'unit')).join(' ');
  return folded.length >= 5 ? { ok: true, value: folded } : { ok: false, error: 'The address is too short.' };
}

/**
 * A LinkedIn or GitHub profile as its handle: "https://uk.linkedin.com/in/jane-doe/",
 * "linkedin.com/in/jane-doe", "in/jane-doe" and "jane-doe" are one person. Company pages and
 * other paths are refused, or every company URL would link unrelated candidates.
 */
function normalizeProfile(host: 'linkedin.com' | 'github.com', raw: string): NormalizeResult {
  let rest = raw.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/^@/, '');
  const hostPattern = host === 'linkedin.com' ? /^([a-z]{2,3}\.|www\.)?linkedin\.com(\/|$)/ : /^(www\.)?github\.com(\/|$)/;
  const hadHost = hostPattern.test(rest);
  rest = rest.replace(hostPattern, '').replace(/^\/+/, '');
  const parts = rest.split(/[?#]/)[0].split('/').filter(Boolean);
  let handle: string | undefined;
  if (host === 'linkedin.com') {
    if (parts[0] === 'in' && parts.length >= 2) handle = parts[1];
    else if (!hadHost && parts.length === 1) handle = parts[0];
  } else if (parts.length >= 1 && (hadHost || parts.length === 1)) {
    handle = parts[0];
  }
  if (!handle || !/^[a-z0-9][a-z0-9_-]{0,99}$/.test(handle)) return { ok: false, error: `Not a ${host} profile or handle.` };
  return { ok: true, value: handle };
}

function normalizeHash(raw: string): NormalizeResult {
  const trimmed = raw.trim().toLowerCase();
  return /^[0-9a-f]{16,128}$/.test(trimmed) ? { ok: true, value: trimmed } : { ok: false, error: 'Not a hex digest.' };
}

function normalizeOpaque(raw: string): NormalizeResult {
  const trimmed = raw.trim();
  return trimmed ? { ok: true, value: trimmed.toLowerCase() } : { ok: false, error: 'A value is required.' };
}

export function normalizeIdentifier(kind: IdentifierKind, raw: string): NormalizeResult {
  switch (kind) {
    case 'email':
      return normalizeEmail(raw);
    case 'phone':
      return normalizePhone(raw);
    case 'ip':
      return normalizeIp(raw);
    case 'name':
      return normalizeName(raw);
    case 'wallet':
      return normalizeWallet(raw);
    case 'address':
      return normalizeAddress(raw);
    case 'linkedin':
      return normalizeProfile('linkedin.com', raw);
    case 'github':
      return normalizeProfile('github.com', raw);
    case 'resume_hash':
    case 'photo_hash':
      return normalizeHash(raw);
    case 'device':
      return normalizeOpaque(raw);
  }
}
