// Reads of evidence metadata, for leads and CSOs (the case file, the download route).
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/lib/db/client';
import { attachments, cases, users } from '@/lib/db/schema';

export function listAttachments(db: DbOrTx, caseId: string) {
  return db
    .select({
      id: attachments.id,
      fileName: attachments.fileName,
      mediaType: attachments.mediaType,
      sizeBytes: attachments.sizeBytes,
      sha256: attachments.sha256,
      uploadedAt: attachments.uploadedAt,
      uploader: users.name,
      uploaderEmail: users.email,
    })
    .from(attachments)
    .leftJoin(users, eq(users.id, attachments.uploadedById))
    .where(eq(attachments.caseId, caseId))
    .orderBy(asc(attachments.uploadedAt), asc(attachments.id));
}

export type AttachmentRow = Awaited<ReturnType<typeof listAttachments>>[number];

/** One attachment of the case with this reference (both must match), or null. */
export async function findAttachment(db: DbOrTx, reference: string, id: string) {
  const [row] = await db
    .select({ attachment: attachments, caseId: cases.id, reference: cases.reference })
    .from(attachments)
    .innerJoin(cases, eq(cases.id, attachments.caseId))
    .where(and(eq(cases.reference, reference), eq(attachments.id, id)));
  return row ?? null;
}
