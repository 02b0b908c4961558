// POST /import/upload: the import page sends the file (and the CSV column mapping) here; the
// answer is {jobId} or {error:{message}}. Session-authorized (import:run); a cross-site post
// carries no session cookie (SameSite=Lax) and is refused by the Origin check as well.
import { authorizeExport, exportRequestMeta } from '@/lib/export/request';
import { queueUpload, UploadRefused } from '@/lib/import/upload';
import { isSameOriginPost } from '@/lib/security/same-origin';

export const dynamic = 'force-dynamic';

function refuse(status: number, message: string): Response {
  return Response.json({ error: { message } }, { status, headers: { 'Cache-Control': 'no-store' } });
}

export async function POST(request: Request): Promise<Response> {
  const auth = await authorizeExport('import:run');
  if ('response' in auth) return auth.response;
  if (!isSameOriginPost(request)) return refuse(403, 'Cross-site upload refused.');
  try {
    const jobId = await queueUpload(auth.user, exportRequestMeta(request), await request.formData());
    return Response.json({ jobId }, { status: 202, headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    if (error instanceof UploadRefused) return refuse(400, error.message);
    console.error('[import] upload failed', error instanceof Error ? error.message : error);
    return refuse(500, 'The upload failed; nothing was queued. Try again.');
  }
}
