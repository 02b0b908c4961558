// Reads of evidence metadata, for leads and CSOs (the case file, the download route).
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/lib/db/client';
import type { JsonRow } from '@/lib/db/json-list';
import { attachments, cases, users } from '@/lib/db/schema';

/** What the case file lists of each attachment (lib/cases/case-file.ts; the uploader left-joined from users). */
export const attachmentListFields = {
  id: attachments.id,
  fileName: attachments.fileName,
  mediaType: attachments.mediaType,
  sizeBytes: attachments.sizeBytes,
  sha256: attachments.sha256,
  uploadedAt: attachments.uploadedAt,
  uploader: sql<string | null>`${users.name}`,
  uploaderEmail: sql<string | null>`${users.email}`,
};

export type AttachmentRow = JsonRow<typeof attachmentListFields>;

/** One attachment of the case with this reference (both must match), or null. */
export async function findAttachment(db: DbOrTx, reference: string, id: string) {
  const [row] = await db
    .select({ attachment: attachments, caseId: cases.id, reference: cases.reference })
    .from(attachments)
    .innerJoin(cases, eq(cases.id, attachments.caseId))
    .where(and(eq(cases.reference, reference), eq(attachments.id, id)));
  return row ?? null;
}
