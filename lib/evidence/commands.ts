// Business steps on evidence attachments (the shape of lib/cases/commands.ts).
import { and, eq } from 'drizzle-orm';
import { ActionRefused } from '@/lib/actions/errors';
import type { StepResult } from '@/lib/actions/authorized-action';
import type { SessionUser } from '@/lib/auth/session';
import type { Transaction } from '@/lib/db/client';
import { attachments } from '@/lib/db/schema';
import { caseByReference, touch } from '@/lib/cases/commands';
import { evidenceMaxBytes, formatBytes } from './limits';
import { cleanFileName } from './disposition';
import { sniffEvidence } from './sniff';
import { sha256Hex, storeEvidence } from './store';
import type { UploadEvidenceInput } from './validators';

type Actor = Pick<SessionUser, 'id' | 'role'>;

/**
 * Stores the file under its SHA-256 and records it on the case. The bytes are written before
 * the row: if the transaction then rolls back, an unreferenced file is left (harmless, named
 * by its hash), never a row without its file. The audit entry records the hash, size and
 * detected type but not the file name, which can itself be personal data ("passport-
 * Jane-Doe.jpg") and the audit log can never be erased.
 */
export async function uploadEvidence(tx: Transaction, actor: Actor, input: UploadEvidenceInput): Promise<StepResult & { sha256: string }> {
  const subject = await caseByReference(tx, input.reference);
  if (subject.erasedAt) throw new ActionRefused('This case was erased under the retention policy; nothing can be added to it.');
  const bytes = new Uint8Array(await input.file.arrayBuffer());
  // The declared size is the client's; the bytes read are what counts.
  if (bytes.length > evidenceMaxBytes()) throw new ActionRefused(`Files can be at most ${formatBytes(evidenceMaxBytes())}.`, { file: ['Too large.'] });
  const type = await sniffEvidence(bytes);
  if (!type.ok) throw new ActionRefused(type.error, { file: [type.error] });
  const sha256 = sha256Hex(bytes);
  const [duplicate] = await tx.select({ id: attachments.id }).from(attachments).where(and(eq(attachments.caseId, subject.id), eq(attachments.sha256, sha256)));
  if (duplicate) throw new ActionRefused('This file is already attached to the case.', { file: ['The same file (same SHA-256) is already attached.'] });
  await storeEvidence(bytes);
  const [row] = await tx
    .insert(attachments)
    .values({ caseId: subject.id, fileName: cleanFileName(input.file.name), mediaType: type.mediaType, sizeBytes: bytes.length, sha256, uploadedById: actor.id })
    .returning({ id: attachments.id });
  await touch(tx, subject.id);
  return {
    sha256,
    message: `Evidence attached (SHA-256 ${sha256}).`,
    audit: {
      action: 'case.evidence_uploaded',
      targetType: 'case',
      targetId: subject.reference,
      caseId: subject.id,
      after: { attachmentId: row.id, sha256, sizeBytes: bytes.length, mediaType: type.mediaType },
    },
    revalidate: [`/cases/${subject.reference}`],
  };
}
