// The audit log's hash chain, as pure functions: every entry stores the hash of the entry
// before it (prevHash) and its own hash, SHA-256 (hex) over prevHash followed by a canonical
// JSON of its content. Changing, removing or inserting an entry then breaks the chain at that
// point, which `npm run hirewatch -- audit verify` (lib/audit/verify.ts) reports.
//
// The content hashed is what the database stores and gives back, so that a later reader can
// recompute it: the id (assigned before the insert, see lib/audit/log.ts), `at` as an ISO
// string with milliseconds, and the other columns as stored. JSON (before/after) is normalized
// the way it is written (JSON.stringify: undefined dropped, Dates as ISO strings) and then
// serialized canonically (RFC 8785 / JCS for JSON values: keys sorted by UTF-16 code units,
// recursively; numbers and strings as ECMAScript serializes them), because jsonb gives keys
// back in its own order.
//
// What a chain does and does not prove: it detects an edit, removal or insertion that was not
// followed by recomputing every later hash. Whoever can rewrite the table wholesale can also
// recompute the chain; record the head hash `audit verify` prints somewhere else to catch that.
import { createHash } from 'node:crypto';

/** prevHash of the first entry of the chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** The columns of an audit entry that its hash covers (all but prevHash and hash). */
export interface ChainedContent {
  id: number;
  at: Date;
  actorId: string | null;
  actorEmail: string;
  action: string;
  targetType: string;
  targetId: string;
  caseId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  userAgent: string | null;
}

function serialize(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(serialize).join(',')}]`;
  const object = value as Record<string, unknown>;
  // Array.prototype.sort without a comparator orders by UTF-16 code units, as RFC 8785 asks.
  const keys = Object.keys(object).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${serialize(object[key])}`).join(',')}}`;
}

/**
 * The canonical JSON text of a value: first normalized as JSON.stringify writes it (what
 * goes into a jsonb column), then serialized with object keys sorted at every depth.
 */
export function canonicalJson(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError(`Cannot hash a value JSON cannot represent (${typeof value}).`);
  return serialize(JSON.parse(json));
}

/** The object an entry's hash is computed over. */
export function chainedContent(entry: ChainedContent): Record<string, unknown> {
  if (Number.isNaN(entry.at.getTime())) throw new RangeError('An audit entry needs a valid `at` date.');
  return {
    id: entry.id,
    at: entry.at.toISOString(),
    actorId: entry.actorId,
    actorEmail: entry.actorEmail,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    caseId: entry.caseId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: entry.ip,
    userAgent: entry.userAgent,
  };
}

/** SHA-256 (hex) over the previous entry's hash followed by this entry's canonical content. */
export function entryHash(prevHash: string, entry: ChainedContent): string {
  return createHash('sha256').update(prevHash, 'utf8').update(canonicalJson(chainedContent(entry)), 'utf8').digest('hex');
}

export type BrokenLinkReason = 'hash mismatch' | 'prev link mismatch' | 'missing hash';

export interface BrokenLink {
  id: number;
  /**
   * hash mismatch: the entry's content (or its prevHash) is not what was hashed when it was
   * written. prev link mismatch: the entry is intact but does not follow the entry before it
   * (an entry was removed or inserted before it, or the one before was re-hashed).
   * missing hash: an entry without a hash after the chain began (not written by appendAudit).
   */
  reason: BrokenLinkReason;
}

export interface ChainStatus {
  ok: boolean;
  /** Entries read, up to and including the first broken one. */
  checked: number;
  /**
   * Entries without a hash before the first hashed one: written before the chain existed
   * (drizzle/0002 added the columns), so not protected by it.
   */
  unhashed: number;
  /** The last intact entry of the chain: record it elsewhere to detect a rewrite of the whole chain. */
  head: { id: number; hash: string } | null;
  firstBroken?: BrokenLink;
}

export interface StoredEntry extends ChainedContent {
  prevHash: string | null;
  hash: string | null;
}

/**
 * Walks entries fed in id order and stops at the first broken link. Kept apart from the
 * database so that the rules can be tested on plain objects.
 */
export class ChainVerifier {
  private expectedPrev = GENESIS_HASH;
  private started = false;
  private lastId = -Infinity;
  private status: ChainStatus = { ok: true, checked: 0, unhashed: 0, head: null };

  /** Checks the next entry; false once the chain is broken (later entries are not looked at). */
  add(entry: StoredEntry): boolean {
    if (!this.status.ok) return false;
    if (entry.id <= this.lastId) throw new Error(`Audit entries must be verified in increasing id order (${entry.id} after ${this.lastId}).`);
    this.lastId = entry.id;
    this.status.checked += 1;
    if (entry.hash === null) {
      if (this.started) return this.fail(entry.id, 'missing hash');
      this.status.unhashed += 1;
      return true;
    }
    this.started = true;
    if (entry.prevHash === null || entryHash(entry.prevHash, entry) !== entry.hash) return this.fail(entry.id, 'hash mismatch');
    if (entry.prevHash !== this.expectedPrev) return this.fail(entry.id, 'prev link mismatch');
    this.expectedPrev = entry.hash;
    this.status.head = { id: entry.id, hash: entry.hash };
    return true;
  }

  result(): ChainStatus {
    return { ...this.status, head: this.status.head && { ...this.status.head }, ...(this.status.firstBroken ? { firstBroken: { ...this.status.firstBroken } } : {}) };
  }

  private fail(id: number, reason: BrokenLinkReason): false {
    this.status.ok = false;
    this.status.firstBroken = { id, reason };
    return false;
  }
}

/** Verifies a whole list of entries (in id order). */
export function verifyEntries(entries: Iterable<StoredEntry>): ChainStatus {
  const verifier = new ChainVerifier();
  for (const entry of entries) if (!verifier.add(entry)) break;
  return verifier.result();
}
