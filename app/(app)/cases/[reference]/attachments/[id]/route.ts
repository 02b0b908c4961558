// GET /cases/[reference]/attachments/[id]: download one evidence file (leads and CSOs),
// hash-verified and audited. The logic is in lib/evidence/download.ts.
import { downloadEvidence } from '@/lib/evidence/download';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ reference: string; id: string }> }): Promise<Response> {
  return downloadEvidence(request, await params);
}
