// Reading back what a fault drill left in an embedded data directory, with the server stopped:
// PostgreSQL's own shutdown flag in pg_control, the data-dir lock file, and (opening the
// database in this process, as the CLI would) the drill's decisions, cases, imported records,
// its job and the audit hash chain.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { verifyAuditChain, type ChainStatus } from '../../lib/audit/verify';
import { acquireDataDirLock, lockPathOf, type LockHolder } from '../../lib/db/data-dir-lock';
import { escapeLike } from '../../lib/db/like-pattern';
import type { Database } from '../../lib/db/client';
import * as schema from '../../lib/db/schema';

/**
 * The cluster state PostgreSQL keeps in global/pg_control (DBState, an int32 after the 8-byte
 * system identifier and the two 4-byte version numbers): "shut down" only after a clean close,
 * "in production" while open, and so also after a crash.
 */
export function clusterState(dataDir: string): string {
  const control = fs.readFileSync(path.join(dataDir, 'pglite', 'global', 'pg_control'));
  const states = ['starting up', 'shut down', 'shut down in recovery', 'shutting down', 'in crash recovery', 'in archive recovery', 'in production'];
  return states[control.readInt32LE(16)] ?? `unknown (${control.readInt32LE(16)})`;
}

/** The data-dir lock file as it is on disk (lib/db/data-dir-lock.ts), or null. */
export function lockFile(dataDir: string): LockHolder | null {
  try {
    return JSON.parse(fs.readFileSync(lockPathOf(dataDir), 'utf8')) as LockHolder;
  } catch {
    return null;
  }
}

/** A copy of the database files (not the lock), to look at a crashed state without touching the original. */
export function snapshotOf(dataDir: string, into: string): string {
  fs.rmSync(into, { recursive: true, force: true });
  fs.cpSync(path.join(dataDir, 'pglite'), path.join(into, 'pglite'), { recursive: true });
  return into;
}

export interface ImportedCase {
  identifiers: number;
  indicators: number;
  interviews: number;
  /** `case.imported` audit entries of the case. */
  audits: number;
}

export interface DrillState {
  /** Time to open the database, crash recovery included. */
  openMs: number;
  /** Decision rows and decision audit entries of the drill, by rationale. */
  decisionRows: Map<string, number>;
  decisionAudits: Map<string, number>;
  cases: Map<string, { status: string; version: number }>;
  imported: Map<string, ImportedCase>;
  job: { status: string; total: number; done: number; failed: number; cursor: number; lockedBy: string | null; errorLines: number[] } | undefined;
  jobFinishedAudits: number;
  chain: ChainStatus;
}

export interface DrillQuery {
  rationalePrefix: string;
  references: string[];
  externalIdPrefix: string;
  jobId: string;
}

/** Opens the data directory (taking its lock, as every opener must), reads the drill's state, closes it. */
export async function readDrillState(dataDir: string, query: DrillQuery): Promise<DrillState> {
  const release = acquireDataDirLock(dataDir, 'cli');
  const started = performance.now();
  const client = await PGlite.create(path.join(dataDir, 'pglite'));
  const openMs = performance.now() - started;
  try {
    const rows = async <T>(text: string, params: unknown[] = []) => (await client.query<T>(text, params)).rows;
    const counted = (list: { key: string; n: number }[]) => new Map(list.map((r) => [r.key, r.n]));
    const decisionLike = `${escapeLike(query.rationalePrefix)}%`;
    const decisionRows = counted(await rows('select rationale as key, count(*)::int as n from decisions where rationale like $1 group by 1', [decisionLike]));
    const decisionAudits = counted(
      await rows(`select after->>'rationale' as key, count(*)::int as n from audit_log where action in ('case.decided', 'case.moved') and after->>'rationale' like $1 group by 1`, [decisionLike]),
    );
    const cases = new Map(
      (await rows<{ reference: string; status: string; version: number }>('select reference, status, version from cases where reference = any($1)', [query.references])).map((r) => [
        r.reference,
        { status: r.status, version: r.version },
      ]),
    );
    const imported = new Map(
      (
        await rows<ImportedCase & { externalId: string }>(
          `select c.external_id as "externalId",
             (select count(*)::int from identifiers i where i.case_id = c.id) as identifiers,
             (select count(*)::int from case_indicators x where x.case_id = c.id) as indicators,
             (select count(*)::int from interview_rounds r where r.case_id = c.id) as interviews,
             (select count(*)::int from audit_log a where a.case_id = c.id and a.action = 'case.imported') as audits
           from cases c where c.external_id like $1`,
          [`${escapeLike(query.externalIdPrefix)}%`],
        )
      ).map(({ externalId, ...counts }) => [externalId, counts]),
    );
    const [job] = await rows<{ status: string; total: number; done: number; failed: number; cursor: number; lockedBy: string | null; errors: { line: number }[] }>(
      'select status, total, done, failed, cursor, locked_by as "lockedBy", errors from jobs where id = $1',
      [query.jobId],
    );
    const [{ n: jobFinishedAudits }] = await rows<{ n: number }>(`select count(*)::int as n from audit_log where action = 'import.finished' and target_id = $1`, [query.jobId]);
    const chain = await verifyAuditChain(drizzle({ client, schema }) as unknown as Database);
    return {
      openMs,
      decisionRows,
      decisionAudits,
      cases,
      imported,
      job: job && { status: job.status, total: job.total, done: job.done, failed: job.failed, cursor: job.cursor, lockedBy: job.lockedBy, errorLines: job.errors.map((e) => e.line).sort((a, b) => a - b) },
      jobFinishedAudits,
      chain,
    };
  } finally {
    await client.close();
    release();
  }
}
