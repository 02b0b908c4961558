// GET /cases/[reference]/subject-export: the subject access document, for CSOs and
// administrators only. The export is audited before it is sent (and is itself part of the
// next export: the audit entries about the case include it).
import { appendAudit } from '@/lib/audit/log';
import { referenceSchema } from '@/lib/cases/validators';
import { getDb } from '@/lib/db/client';
import { authorizeExport, exportRequestMeta, plain } from '@/lib/export/request';
import { collectSubjectData } from './collect';

export async function subjectExportResponse(request: Request, params: { reference: string }): Promise<Response> {
  const auth = await authorizeExport('subject:export');
  if ('response' in auth) return auth.response;
  const reference = referenceSchema.safeParse(params.reference);
  if (!reference.success) return plain(404, 'Not found');
  const db = await getDb();
  const data = await collectSubjectData(db, reference.data);
  if (!data) return plain(404, 'Not found');
  const generatedAt = new Date();
  await appendAudit(db, { id: auth.user.id, email: auth.user.email, ...exportRequestMeta(request) }, {
    action: 'case.subject_exported',
    targetType: 'case',
    targetId: data.case.reference,
    caseId: data.case.id,
    after: { format: data.format },
  });
  const document = { ...data, generatedAt: generatedAt.toISOString(), generatedBy: auth.user.email };
  return new Response(JSON.stringify(document, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="hirewatch-subject-${data.case.reference}.json"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
  });
}
