// GET /cases/[reference]/subject-export: everything held on one applicant as JSON (subject
// access request), for CSOs and administrators; audited. Logic in lib/subject-access/.
import { subjectExportResponse } from '@/lib/subject-access/export-response';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ reference: string }> }): Promise<Response> {
  return subjectExportResponse(request, await params);
}
