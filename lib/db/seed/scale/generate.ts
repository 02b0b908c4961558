// The scale data set (npm run db:seed -- --scale N), generated in memory and deterministic
// (one seeded PRNG): N applicants over about three years, most of them honest strangers who
// share nothing but the company's benign VPN exit, and planted rings of 3–12 fabricated
// identities that share strong identifiers in noisy spellings (gmail dots and +tags, phone
// formats, address abbreviations, wallet case), the way IT-worker networks reuse an inbox,
// a phone, a laptop-farm address, a payout wallet or a device. Every identifier carries the
// value lib/intel/normalize.ts gives it, and every ring member its network id, so the loader
// can verify the planted networks against the real network code. Pure: no I/O.
import type { CandidateSource, CaseStatus, IdentifierKind, Region } from '@/lib/domain';
import { CANDIDATE_SOURCES, REGIONS } from '@/lib/domain';
import { normalizeIdentifier } from '@/lib/intel/normalize';
import { BENIGN_VALUES, FIRST, LAST, mulberry32, ROLES } from '../demo-cases';

const DAY = 24 * 60 * 60 * 1000;
const SPAN_DAYS = 3 * 365;

export interface ScaleCase {
  id: string;
  claimedName: string;
  resumeName: string;
  jobRole: string;
  region: Region;
  source: CandidateSource;
  status: CaseStatus;
  createdAt: Date;
  updatedAt: Date;
  statusChangedAt: Date;
  decidedAt: Date | null;
  /** Demo user keys (lib/db/seed/demo-users.ts), resolved to ids by the loader. */
  submittedBy: 'recruiter' | 'recruiter2';
  assignee: 'lead' | 'lead2' | null;
  submittedForDecisionBy: 'lead' | 'lead2' | null;
  networkId: string | null;
  /** Index of the planted ring, or null for an honest applicant. */
  ring: number | null;
}

export interface ScaleIdentifier {
  caseId: string;
  kind: IdentifierKind;
  value: string;
  normalized: string;
  source: string;
  firstSeenAt: Date;
}

export interface ScaleIndicator {
  caseId: string;
  code: string;
  evidence: string;
  observedAt: Date;
}

export interface ScaleWatchlistEntry {
  kind: IdentifierKind;
  value: string;
  normalized: string;
  source: string;
  confidence: 'low' | 'medium' | 'high';
  expiresAt: Date | null;
  falsePositive: boolean;
  sourceCaseId: string | null;
  createdAt: Date;
}

export interface ScaleDataSet {
  cases: ScaleCase[];
  identifiers: ScaleIdentifier[];
  indicators: ScaleIndicator[];
  watchlist: ScaleWatchlistEntry[];
  rings: number;
}

export interface ScaleOptions {
  cases: number;
  /** Watchlist entries to generate (block list); the loader counts the ones already stored. */
  watchlist: number;
  seed?: number;
  now?: Date;
  /** Indicator codes of the catalog, by severity (the loader reads them from the database). */
  catalog: { code: string; severity: string }[];
}

type Random = () => number;

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

/** A v4-shaped uuid drawn from the seeded PRNG, so the same seed gives the same ids. */
function uuidFrom(random: Random): string {
  const hex = Array.from({ length: 4 }, () => Math.floor(random() * 2 ** 32).toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[parseInt(hex[16], 16) & 3]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function normalized(kind: IdentifierKind, value: string): string {
  const result = normalizeIdentifier(kind, value);
  if (!result.ok) throw new Error(`Scale seed generated an invalid ${kind} "${value}": ${result.error}`);
  return result.value;
}

// Phone numbers unique per index: a country's prefix and a subscriber number of its length.
const PHONE_PLAN: Record<Region, { prefix: string; digits: number }> = {
  NA: { prefix: '+1 415', digits: 7 },
  EU: { prefix: '+49 30', digits: 8 },
  UK: { prefix: '+44 20', digits: 8 },
  APAC: { prefix: '+65 6', digits: 7 },
  LATAM: { prefix: '+55 11 9', digits: 8 },
  MEA: { prefix: '+971 4', digits: 7 },
};
function phoneFor(region: Region, n: number): string {
  const plan = PHONE_PLAN[region];
  const digits = String(n).padStart(plan.digits, '0');
  return `${plan.prefix} ${digits.slice(0, 3)} ${digits.slice(3)}`;
}

// The same number written the ways people write it: the normalizer must make them one.
const PHONE_SPELLINGS = [(d: string) => `+1 (615) ${d.slice(0, 3)}-${d.slice(3)}`, (d: string) => `001 615 ${d}`, (d: string) => `615.${d.slice(0, 3)}.${d.slice(3)}`, (d: string) => `+1615${d}`];
// One gmail inbox behind many "different" addresses: dots and +tags are ignored by Gmail.
function gmailVariant(random: Random, local: string): string {
  const dotted = local.split('').map((c, i) => (i > 0 && random() < 0.25 ? `.${c}` : c)).join('');
  return random() < 0.5 ? `${dotted}+${pick(random, ['jobs', 'work', 'apply', 'dev', 'hr'])}@gmail.com` : `${dotted}@${random() < 0.2 ? 'googlemail.com' : 'gmail.com'}`;
}
const STREETS = ['Meadowbrook Lane', 'Oak Ridge Drive', 'Harbor Street', 'Maple Avenue', 'Cedar Court', 'Lakeview Road', 'Pine Street', 'Willow Way'];
const CITIES = ['Nashville, TN 37211', 'Phoenix, AZ 85004', 'Columbus, OH 43215', 'Tampa, FL 33602', 'Dallas, TX 75201', 'Charlotte, NC 28202'];

// Names of ring identities in romanization variants: the same person may appear as Lee / Yi / Rhee.
const RING_GIVEN = ['Min-jun', 'Minjun', 'Ji-ho', 'Jiho', 'Seo-yeon', 'Hyun-woo', 'Kevin', 'Daniel', 'Jason', 'Andrew', 'Eric', 'Brian'];
const RING_FAMILY = ['Park', 'Pak', 'Lee', 'Yi', 'Rhee', 'Choi', 'Choe', 'Kim', 'Gim', 'Jung', 'Chung', 'Kang'];
const RING_ROLES = ['Senior Backend Engineer (Go)', 'Smart Contract Engineer', 'Wallet Infrastructure Engineer', 'Full-stack Engineer (TypeScript)', 'Blockchain Node Operator'];

const EVIDENCE: Record<string, string> = {
  low: 'Noted during screening; minor on its own.',
  medium: 'Observed by the interview panel and written down at the time.',
  high: 'Confirmed by two interviewers and the recruiting coordinator.',
  critical: 'Verified against an independent source; see the attached evidence.',
};

/** The status of an application of this age: recent ones are in the pipeline, old ones decided. */
function statusFor(random: Random, daysAgo: number, suspicious: boolean): CaseStatus {
  const r = random();
  if (daysAgo < 14) return r < 0.45 ? 'open' : r < 0.8 ? 'investigating' : 'pending_decision';
  if (daysAgo < 60) {
    if (r < 0.1) return 'open';
    if (r < 0.35) return 'investigating';
    if (r < 0.6) return 'pending_decision';
    return random() < (suspicious ? 0.6 : 0.06) ? 'escalated' : 'cleared';
  }
  if (r < 0.02) return 'open';
  if (r < 0.05) return 'investigating';
  if (r < 0.09) return 'pending_decision';
  return random() < (suspicious ? 0.6 : 0.05) ? 'escalated' : 'cleared';
}

export function generateScaleData(options: ScaleOptions): ScaleDataSet {
  const random = mulberry32(options.seed ?? 20260401);
  const now = (options.now ?? new Date()).getTime();
  const cases: ScaleCase[] = [];
  const identifiers: ScaleIdentifier[] = [];
  const indicators: ScaleIndicator[] = [];
  const bySeverity = (severities: string[]) => options.catalog.filter((c) => severities.includes(c.severity)).map((c) => c.code);
  const mildCodes = bySeverity(['low', 'medium']);
  const strongCodes = bySeverity(['high', 'critical']);
  const severityOf = new Map(options.catalog.map((c) => [c.code, c.severity]));
  const benignIp = BENIGN_VALUES[0].value;

  const addIdentifier = (c: ScaleCase, kind: IdentifierKind, value: string, source: string, firstSeenAt: Date) => {
    const norm = normalized(kind, value);
    // One row per (case, kind, normalized value), as the unique index demands.
    for (let n = identifiers.length - 1; n >= 0 && identifiers[n].caseId === c.id; n--) {
      if (identifiers[n].kind === kind && identifiers[n].normalized === norm) return;
    }
    identifiers.push({ caseId: c.id, kind, value, normalized: norm, source, firstSeenAt });
  };
  const addIndicators = (c: ScaleCase, codes: string[]) => {
    for (const code of new Set(codes)) {
      const observedAt = new Date(Math.min(c.createdAt.getTime() + 3 * DAY, now - 60_000));
      indicators.push({ caseId: c.id, code, evidence: EVIDENCE[severityOf.get(code) ?? 'medium'], observedAt });
    }
  };

  const newCase = (ring: number | null, networkId: string | null, names: { claimed: string; resume: string }, jobRole: string): ScaleCase => {
    // More applications lately than three years ago: the flow grows.
    const daysAgo = SPAN_DAYS * (1 - Math.sqrt(random())) + random();
    const createdAt = new Date(now - daysAgo * DAY);
    const status = statusFor(random, daysAgo, ring !== null);
    const decided = status === 'escalated' || status === 'cleared';
    const worked = status !== 'open';
    const at = (days: number) => new Date(Math.min(createdAt.getTime() + days * DAY, now - 60_000));
    const decidedAt = decided ? at(3 + random() * 27) : null;
    const lastMove = decidedAt ?? (status === 'pending_decision' ? at(2 + random() * 10) : worked ? at(1) : createdAt);
    const lead = random() < 0.5 ? 'lead' : 'lead2';
    return {
      id: uuidFrom(random),
      claimedName: names.claimed,
      resumeName: names.resume,
      jobRole,
      region: pick(random, REGIONS),
      source: pick(random, CANDIDATE_SOURCES),
      status,
      createdAt,
      updatedAt: new Date(Math.max(lastMove.getTime(), at(4).getTime() * (worked ? 1 : 0))),
      statusChangedAt: lastMove,
      decidedAt,
      submittedBy: random() < 0.5 ? 'recruiter' : 'recruiter2',
      assignee: worked ? lead : null,
      submittedForDecisionBy: status === 'pending_decision' || decided ? lead : null,
      networkId,
      ring,
    };
  };

  // About 4 % of applicants belong to planted rings of 3–12 identities.
  const ringTarget = Math.round(options.cases * 0.04);
  let ringMembers = 0;
  let rings = 0;
  const ringEntries: ScaleWatchlistEntry[] = [];
  while (ringMembers < ringTarget && options.cases - ringMembers >= 3) {
    const size = Math.min(3 + Math.floor(random() * 10), options.cases - ringMembers);
    const ring = rings++;
    const networkId = uuidFrom(random);
    const family = pick(random, RING_FAMILY);
    // 556-xxxx: the demo's rings use 555-01xx.
    const phoneDigits = String(5_560_000 + ring).padStart(7, '0');
    const shared = {
      email: `dev${pick(random, ['kim', 'park', 'lee', 'cho'])}${ring}x`,
      phone: phoneDigits,
      address: `${1000 + (ring % 9000)} ${pick(random, STREETS)}, Apt ${1 + (ring % 40)}, ${pick(random, CITIES)}`,
      wallet: `0x${Array.from({ length: 5 }, () => Math.floor(random() * 2 ** 32).toString(16).padStart(8, '0')).join('')}`,
      device: `laptop-farm-${ring}-${Math.floor(random() * 1e6)}`,
      vpn: `185.220.${(ring >> 8) & 255}.${ring & 255}`,
    };
    const kinds = ['email', 'phone', 'address', 'wallet', 'device'] as const;
    const usedKinds = new Set<(typeof kinds)[number]>();
    const role = pick(random, RING_ROLES);
    for (let m = 0; m < size; m++) {
      const given = pick(random, RING_GIVEN);
      const claimed = `${given} ${family}`;
      // Some use another romanization on the résumé than on the application.
      const resume = random() < 0.35 ? `${given} ${pick(random, RING_FAMILY)}` : claimed;
      const c = newCase(ring, networkId, { claimed, resume }, role);
      cases.push(c);
      const mine = new Set(kinds.filter(() => random() < 0.35));
      // Each member shares at least one kind with an earlier member, so the ring is one network.
      if (m > 0 && ![...mine].some((k) => usedKinds.has(k))) mine.add(pick(random, [...usedKinds]));
      if (mine.size === 0) mine.add(pick(random, kinds));
      for (const k of mine) usedKinds.add(k);
      const seen = c.createdAt;
      addIdentifier(c, 'email', mine.has('email') ? gmailVariant(random, shared.email) : `${given.toLowerCase().replace('-', '')}.${family.toLowerCase()}.${ring}.${m}@proton.me`, 'Submitted by recruiting', seen);
      addIdentifier(c, 'phone', mine.has('phone') ? pick(random, PHONE_SPELLINGS)(shared.phone) : phoneFor('NA', 8_000_000 + ring * 16 + m), 'Submitted by recruiting', seen);
      if (mine.has('address')) addIdentifier(c, 'address', random() < 0.5 ? shared.address : shared.address.replace('Apt', 'Apartment').replace('Street', 'St'), 'Equipment shipping form', seen);
      if (mine.has('wallet')) addIdentifier(c, 'wallet', random() < 0.5 ? shared.wallet : `0x${shared.wallet.slice(2).toUpperCase()}`, 'Payroll form', seen);
      if (mine.has('device')) addIdentifier(c, 'device', shared.device, 'Interview platform logs', seen);
      // The same commercial VPN exit: a weak link, shown but never merging networks by itself.
      if (random() < 0.5) addIdentifier(c, 'ip', shared.vpn, 'Interview platform logs', seen);
      addIndicators(c, Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(random, random() < 0.6 ? strongCodes : mildCodes)));
    }
    // A third of the rings were already reported by a peer: their wallet or phone is on an imported list.
    if (random() < 0.33) {
      const kind = random() < 0.5 ? 'wallet' : 'phone';
      const value = kind === 'wallet' ? shared.wallet : PHONE_SPELLINGS[0](shared.phone);
      ringEntries.push(feedEntry(random, now, kind, value));
    }
    ringMembers += size;
  }

  for (let i = 0; cases.length < options.cases; i++) {
    const first = pick(random, FIRST);
    const last = pick(random, LAST);
    const name = `${first} ${last}`;
    const c = newCase(null, null, { claimed: name, resume: name }, pick(random, ROLES));
    cases.push(c);
    const handle = `${first}.${last}`.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
    // Numbered past the demo's applicants (same names, index < 100), so no value is shared by accident.
    const n = 1000 + i;
    const seen = c.createdAt;
    addIdentifier(c, 'email', `${handle}${n}@${pick(random, ['gmail.com', 'outlook.com', 'proton.me', 'fastmail.com', 'yahoo.com', 'icloud.com'])}`, 'Submitted by recruiting', seen);
    addIdentifier(c, 'phone', phoneFor(c.region, i), 'Submitted by recruiting', seen);
    // Interviews from the office come through the company VPN (benign); others from home.
    addIdentifier(c, 'ip', random() < 0.2 ? benignIp : `${11 + (i >>> 16)}.${(i >>> 8) & 255}.${i & 255}.77`, 'Interview platform logs', seen);
    if (random() < 0.3) addIdentifier(c, 'linkedin', `https://www.linkedin.com/in/${handle.replace('.', '-')}-${n}`, 'Submitted by recruiting', seen);
    if (random() < 0.15) addIdentifier(c, 'github', `github.com/${handle.replace('.', '')}${n}`, 'Résumé', seen);
    if (c.status === 'escalated') addIndicators(c, [pick(random, strongCodes), pick(random, strongCodes), pick(random, mildCodes)]);
    else if (random() < 0.12) addIndicators(c, [pick(random, mildCodes)]);
  }

  // Escalation puts a case's hard identifiers on the watchlist (as moveCase does).
  const watchlist: ScaleWatchlistEntry[] = [];
  const keys = new Set<string>();
  const push = (entry: ScaleWatchlistEntry) => {
    const key = `${entry.kind}|${entry.normalized}`;
    if (keys.has(key) || watchlist.length >= options.watchlist) return;
    keys.add(key);
    watchlist.push(entry);
  };
  const escalated = new Map(cases.filter((c) => c.status === 'escalated').map((c) => [c.id, c]));
  for (const identifier of identifiers) {
    const c = escalated.get(identifier.caseId);
    if (!c || !['email', 'phone', 'ip', 'wallet', 'address'].includes(identifier.kind) || identifier.normalized === benignIp) continue;
    push({ kind: identifier.kind, value: identifier.value, normalized: identifier.normalized, source: 'Escalated case (scale seed)', confidence: 'high', expiresAt: null, falsePositive: false, sourceCaseId: c.id, createdAt: c.decidedAt ?? c.createdAt });
  }
  for (const entry of ringEntries) push(entry);
  // The rest: imported threat feeds, values no applicant of the data set uses.
  for (let n = 0; watchlist.length < options.watchlist; n++) push(feedValue(random, now, n));
  return { cases, identifiers, indicators, watchlist, rings };
}

const FEEDS = ['Peer exchange: DPRK IT-worker list', 'FBI IC3 advisory indicators', 'Hosting-provider abuse feed', 'Industry ISAC sharing', 'OFAC SDN digital currency addresses'];

function feedEntry(random: Random, now: number, kind: IdentifierKind, value: string): ScaleWatchlistEntry {
  const r = random();
  return {
    kind,
    value,
    normalized: normalized(kind, value),
    source: pick(random, FEEDS),
    confidence: r < 0.2 ? 'low' : r < 0.7 ? 'medium' : 'high',
    // Some entries expire: the matching must skip them.
    expiresAt: random() < 0.3 ? new Date(now + (random() * 2 - 0.5) * 365 * DAY) : null,
    falsePositive: random() < 0.01,
    sourceCaseId: null,
    createdAt: new Date(now - random() * SPAN_DAYS * DAY),
  };
}

function feedValue(random: Random, now: number, n: number): ScaleWatchlistEntry {
  const r = random();
  if (r < 0.4) return feedEntry(random, now, 'email', `itw.${n.toString(36)}@${pick(random, ['gmail.com', 'proton.me', 'outlook.com', 'mail.ru', 'yandex.com'])}`);
  if (r < 0.7) return feedEntry(random, now, 'ip', `${150 + ((n >>> 24) & 63)}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`);
  if (r < 0.85) return feedEntry(random, now, 'phone', `+234 80${String(n).padStart(8, '0')}`);
  return feedEntry(random, now, 'wallet', `0x${n.toString(16).padStart(8, '0')}${Array.from({ length: 4 }, () => Math.floor(random() * 2 ** 32).toString(16).padStart(8, '0')).join('')}`);
}
