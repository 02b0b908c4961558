// The append-only audit log. Entries are written inside the transaction of the change they
// describe, so the log never records what did not happen nor misses what did.
//
// Entries form a hash chain (lib/audit/hash-chain.ts): each stores the hash of the entry
// before it and its own hash over that and its content. To keep one chain with concurrent
// writers, appendAudit takes a transaction-scoped advisory lock, so appenders queue until the
// transaction holding it commits or rolls back: call it last in a transaction, as
// authorizedAction does. Under the lock it reads the chain head (the entry with the highest
// id) and draws the new ids from the audit_log id sequence, so that the id is part of what is
// hashed; the entries are then inserted with those explicit ids. The lock makes id order the
// chain order: ids are only drawn while holding it, and a rolled-back append leaves a gap in
// the ids but no entry, so the chain still links the committed entries in id order. The
// transaction must be READ COMMITTED (the default; appendAudit refuses others): the head is
// read by a statement that starts after the lock is granted, so it sees the previous append.
import { sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { DbOrTx, Transaction } from '@/lib/db/client';
import { insertJsonRows } from '@/lib/db/json-insert';
import { auditLog } from '@/lib/db/schema';
import { entryHash, GENESIS_HASH, type ChainedContent } from './hash-chain';

export type AuditAction =
  | 'case.submitted'
  | 'case.imported'
  | 'case.assigned'
  | 'case.moved'
  | 'case.decided'
  | 'case.identifier_added'
  | 'case.indicator_added'
  | 'case.interview_added'
  | 'case.proofing_recorded'
  | 'case.note_added'
  | 'case.evidence_uploaded'
  | 'case.evidence_downloaded'
  | 'case.evidence_integrity_failed'
  | 'case.erased'
  | 'case.subject_exported'
  | 'clearance.viewed'
  | 'case.viewed'
  | 'watchlist.added'
  | 'watchlist.marked_false_positive'
  | 'watchlist.expired'
  | 'watchlist.removed'
  | 'watchlist.imported'
  | 'watchlist.exported'
  | 'webhook.created'
  | 'webhook.changed'
  | 'webhook.deleted'
  | 'user.created'
  | 'user.disabled'
  | 'user.enabled'
  | 'settings.changed'
  | 'mfa.enrolled'
  | 'mfa.verify_failed'
  | 'mfa.recovery_code_used'
  | 'mfa.reset'
  | 'cases.exported'
  | 'audit.exported'
  | 'api_token.created'
  | 'api_token.revoked'
  | 'import.queued'
  | 'import.finished'
  /** `hirewatch db backup`: written before the dump, so the backup holds the record of its own making. */
  | 'database.backup'
  /** `hirewatch db restore`: the first entry on top of the restored chain. */
  | 'database.restored'
  /** One entry for a whole `db:seed --scale` bulk load, with its counts (not one per row). */
  | 'seed.scale';

export interface AuditInput {
  action: AuditAction;
  targetType: 'case' | 'user' | 'watchlist' | 'settings' | 'export' | 'webhook' | 'api_token' | 'job' | 'database';
  targetId: string;
  caseId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /**
   * Only the demo seed back-dates entries; everything else is stamped with the database's
   * clock (to the millisecond, the precision that is hashed) when the entry is appended.
   */
  at?: Date;
}

export interface AuditActor {
  id: string | null;
  email: string;
  ip?: string | null;
  userAgent?: string | null;
}

/** Lock key of the chain: serializes appenders across connections and processes. */
const CHAIN_LOCK = 'hirewatch.audit-chain';

/** Rows of a raw `execute` (both drivers answer `{ rows }`). */
function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

const UUID_DIGITS = /^[0-9a-f]{32}$/i;

/**
 * A uuid as PostgreSQL gives it back (lower case, 8-4-4-4-12), so that the hash is over the
 * stored value; anything that is not a uuid is left for the database to refuse.
 */
function storedUuid(value: string | null | undefined): string | null {
  if (value == null) return null;
  const digits = value.replace(/^\{|\}$/g, '').replaceAll('-', '');
  if (!UUID_DIGITS.test(digits)) return value;
  const d = digits.toLowerCase();
  return `${d.slice(0, 8)}-${d.slice(8, 12)}-${d.slice(12, 16)}-${d.slice(16, 20)}-${d.slice(20)}`;
}

/**
 * Text as it is stored: a lone surrogate (e.g. an emoji cut in two by the user-agent limit)
 * would reach the database as U+FFFD, so it is replaced before hashing.
 */
function storedText<T extends string | null>(value: T): T {
  return (value === null ? null : value.toWellFormed()) as T;
}

/** JSON as jsonb stores it: what JSON.stringify writes (undefined dropped, Dates as strings). */
function storedJson(value: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  if (value == null) return null;
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}

/** Every column of an entry: what is read back to check that it hashes as written. */
const STORED_COLUMNS = ['id', 'at', 'actorId', 'actorEmail', 'action', 'targetType', 'targetId', 'caseId', 'before', 'after', 'ip', 'userAgent', 'prevHash', 'hash'] as const;

async function appendChained(tx: Transaction, actor: AuditActor, list: AuditInput[]): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${CHAIN_LOCK}))`);
  // A statement of its own, after the lock is granted: under READ COMMITTED its snapshot
  // includes the entries of the transaction that held the lock before. (Under REPEATABLE READ
  // or SERIALIZABLE the snapshot may be older than the lock, so the head could be stale.)
  // The entries' ids are drawn as one block: the next value, and the sequence moved past the
  // last of them (ids are only drawn under the lock, so nobody draws in between). A bulk
  // import appends a thousand entries at once; a nextval each cost ~20 µs on PGlite. Two
  // consequences: every insert into audit_log must go through here (an id from the column's
  // default, drawn without the lock, could fall inside another writer's block), and on
  // PostgreSQL the role needs UPDATE on the sequence, not only USAGE (README).
  const [drawn] = rowsOf<{ last: string | number; head: string | null; now_ms: number | string; isolation: string }>(
    await tx.execute(sql`
      select setval(pg_get_serial_sequence('audit_log', 'id'), nextval(pg_get_serial_sequence('audit_log', 'id')) + ${list.length - 1}) as last,
             (select hash from audit_log order by id desc limit 1) as head,
             floor(extract(epoch from clock_timestamp()) * 1000)::float8 as now_ms,
             current_setting('transaction_isolation') as isolation`),
  );
  const isolation = drawn.isolation;
  if (isolation !== 'read committed') {
    throw new Error(`appendAudit needs a READ COMMITTED transaction to extend the audit hash chain (this one is ${isolation}).`);
  }
  const last = Number(drawn.last);
  const ids = list.map((_, index) => last - list.length + 1 + index);
  const now = new Date(Number(drawn.now_ms));
  let prevHash = drawn.head ?? GENESIS_HASH;

  const rows = list.map((entry, index) => {
    const content = {
      id: ids[index],
      at: entry.at ?? now,
      actorId: storedUuid(actor.id),
      actorEmail: storedText(actor.email),
      action: entry.action,
      targetType: entry.targetType,
      targetId: storedText(entry.targetId),
      caseId: storedUuid(entry.caseId),
      before: storedJson(entry.before),
      after: storedJson(entry.after),
      ip: storedText(actor.ip ?? null),
      userAgent: storedText(actor.userAgent?.slice(0, 300) ?? null),
    } satisfies ChainedContent;
    const hash = entryHash(prevHash, content);
    const row = { ...content, prevHash, hash };
    prevHash = hash;
    return row;
  });

  // One statement and one JSON parameter for any number of entries (a bulk import appends
  // one per case): lib/db/json-insert.ts.
  const stored = await insertJsonRows(tx, auditLog, rows, { returning: STORED_COLUMNS });
  // The entries as the database gives them back must hash the same, or a later `audit verify`
  // would report them broken: refuse (and roll the change back) rather than write them.
  for (const entry of stored) {
    if (entry.prevHash === null || entry.hash === null || entryHash(entry.prevHash, entry) !== entry.hash) {
      throw new Error(`Audit entry ${entry.id} does not hash the same as stored; refusing to write it.`);
    }
  }
}

export async function appendAudit(db: DbOrTx, actor: AuditActor, entries: AuditInput | AuditInput[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  // The lock lasts until the end of the transaction, so outside one, open one.
  if (db instanceof PgTransaction) await appendChained(db as Transaction, actor, list);
  else await db.transaction((tx) => appendChained(tx, actor, list));
}
