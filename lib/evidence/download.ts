// GET /cases/[reference]/attachments/[id]: one evidence file, for leads and CSOs only. The
// bytes are re-hashed on every read and refused if they are not what was recorded at upload.
// They are always sent as a download (Content-Disposition: attachment) of the type detected
// at upload, with nosniff, so a file can never render as a page of the app's origin.
import { z } from 'zod';
import { appendAudit, type AuditInput } from '@/lib/audit/log';
import { getDb } from '@/lib/db/client';
import { referenceSchema } from '@/lib/cases/validators';
import { authorizeExport, exportRequestMeta, plain } from '@/lib/export/request';
import { contentDisposition } from './disposition';
import { findAttachment } from './queries';
import { ALLOWED_EVIDENCE_TYPES, type EvidenceMediaType } from './sniff';
import { EvidenceIntegrityError, readVerifiedEvidence } from './store';

const paramsSchema = z.object({ reference: referenceSchema, id: z.uuid() });

export async function downloadEvidence(request: Request, params: { reference: string; id: string }): Promise<Response> {
  // Authorization first: without the permission nobody learns whether the file exists.
  const auth = await authorizeExport('evidence:read');
  if ('response' in auth) return auth.response;
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) return plain(404, 'Not found');
  const db = await getDb();
  const found = await findAttachment(db, parsed.data.reference, parsed.data.id);
  if (!found) return plain(404, 'Not found');
  const { attachment } = found;
  const actor = { id: auth.user.id, email: auth.user.email, ...exportRequestMeta(request) };
  const entry = (action: AuditInput['action'], extra: Record<string, unknown> = {}): AuditInput => ({
    action,
    targetType: 'case',
    targetId: found.reference,
    caseId: found.caseId,
    after: { attachmentId: attachment.id, sha256: attachment.sha256, ...extra },
  });

  let bytes: Buffer;
  try {
    bytes = await readVerifiedEvidence(attachment.sha256);
  } catch (error) {
    if (!(error instanceof EvidenceIntegrityError)) throw error;
    await appendAudit(db, actor, entry('case.evidence_integrity_failed', { found: error.actual ?? 'missing' }));
    return plain(409, 'The stored file no longer matches the SHA-256 recorded at upload; it was not sent. This has been recorded in the audit log.');
  }
  await appendAudit(db, actor, entry('case.evidence_downloaded'));
  const mediaType = attachment.mediaType as EvidenceMediaType;
  const ext = ALLOWED_EVIDENCE_TYPES[mediaType]?.ext ?? 'bin';
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': mediaType === 'text/plain' ? 'text/plain; charset=utf-8' : (ALLOWED_EVIDENCE_TYPES[mediaType] ? mediaType : 'application/octet-stream'),
      'Content-Length': String(bytes.length),
      'Content-Disposition': contentDisposition(attachment.fileName, ext),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
      Digest: `sha-256=${Buffer.from(attachment.sha256, 'hex').toString('base64')}`,
    },
  });
}
