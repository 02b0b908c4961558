// Verifies the audit log's hash chain (lib/audit/hash-chain.ts): reads every entry in id order,
// in batches, recomputes each hash and checks each link, and reports the first broken one.
import { asc, gt } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { auditLog } from '@/lib/db/schema';
import { ChainVerifier, type ChainStatus } from './hash-chain';

export type { BrokenLink, BrokenLinkReason, ChainStatus } from './hash-chain';

export interface VerifyOptions {
  /** Entries read per query (default 5000). */
  batchSize?: number;
  /** Called after each batch with the number of entries checked so far. */
  onProgress?: (checked: number) => void;
}

export async function verifyAuditChain(db: Database, options: VerifyOptions = {}): Promise<ChainStatus> {
  const batchSize = options.batchSize ?? 5000;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer (got ${batchSize}).`);
  // One snapshot for the whole walk: entries committed meanwhile are left for the next run,
  // and the read-only transaction cannot change anything.
  return db.transaction(
    async (tx) => {
      const verifier = new ChainVerifier();
      // No lower bound on the first batch: an entry slipped in with id 0 or below is read too.
      let afterId: number | null = null;
      for (;;) {
        const batch = await tx
          .select()
          .from(auditLog)
          .where(afterId === null ? undefined : gt(auditLog.id, afterId))
          .orderBy(asc(auditLog.id))
          .limit(batchSize);
        for (const entry of batch) {
          if (!verifier.add(entry)) return verifier.result();
        }
        options.onProgress?.(verifier.result().checked);
        if (batch.length < batchSize) return verifier.result();
        afterId = batch[batch.length - 1].id;
      }
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
