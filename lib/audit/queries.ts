// The audit log as the /audit page reads it: one filtered page, newest first. Its filters live
// in the URL (CONVENTIONS.md 3) and are parsed here with defaults, so a shared link reproduces
// the view and a hand-edited one can never break the query.
import { and, count, desc, eq, gte, ilike, lt, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { boundedText } from '@/lib/validation/text';
import { likePattern } from '@/lib/db/like-pattern';
import { getDb } from '@/lib/db/client';
import { auditLog, cases } from '@/lib/db/schema';

export const AUDIT_PAGE_SIZE = 50;
const DAY_MS = 24 * 60 * 60 * 1000;

const loose = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

export const auditListParamsSchema = z
  .object({
    /** Exact action name, e.g. case.decided. */
    action: loose(z.string().trim().max(64).regex(/^[a-z][a-z_]*(\.[a-z_]+)*$/)),
    /** Part of the actor's email. */
    actor: loose(boundedText('Actor', 254).trim().min(1)),
    /** Part of the target (a case reference, a user's email, a setting) or of the case reference. */
    q: loose(boundedText('Search', 200).trim().min(1)),
    /** UTC calendar days, both inclusive. */
    from: loose(z.iso.date()),
    to: loose(z.iso.date()),
    page: z.coerce.number().int().min(1).max(100_000).catch(1),
  })
  // A range typed backwards still means the days between the two dates.
  .transform((p) => (p.from && p.to && p.from > p.to ? { ...p, from: p.to, to: p.from } : p));
export type AuditListParams = z.output<typeof auditListParamsSchema>;

export function parseAuditListParams(raw: Record<string, string | string[] | undefined>): AuditListParams {
  const single = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined]));
  return auditListParamsSchema.parse(single);
}

/** The filters of a view as query parameters, page and empty ones left out (for pagination links). */
export function auditFilterParams(params: AuditListParams): Record<string, string> {
  const { page: _page, ...filters } = params;
  return Object.fromEntries(Object.entries(filters).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''));
}

export function hasAuditFilters(params: AuditListParams): boolean {
  return Object.keys(auditFilterParams(params)).length > 0;
}

/** [start, end) of the selected days in UTC: `to` includes the whole of its day. */
export function auditTimeRange(params: Pick<AuditListParams, 'from' | 'to'>): { start?: Date; end?: Date } {
  return {
    start: params.from ? new Date(`${params.from}T00:00:00Z`) : undefined,
    end: params.to ? new Date(new Date(`${params.to}T00:00:00Z`).getTime() + DAY_MS) : undefined,
  };
}

/** The WHERE conditions of an /audit view (needs a join to cases for the reference). Shared with the CSV export. */
export function auditListFilters(params: AuditListParams): SQL[] {
  const where: SQL[] = [];
  if (params.action) where.push(eq(auditLog.action, params.action));
  if (params.actor) where.push(ilike(auditLog.actorEmail, likePattern(params.actor)));
  if (params.q) where.push(or(ilike(auditLog.targetId, likePattern(params.q)), ilike(cases.reference, likePattern(params.q)))!);
  const { start, end } = auditTimeRange(params);
  if (start) where.push(gte(auditLog.at, start));
  if (end) where.push(lt(auditLog.at, end));
  return where;
}

export interface AuditListRow {
  id: number;
  at: Date;
  actorEmail: string;
  action: string;
  targetType: string;
  targetId: string;
  caseReference: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  ip: string | null;
  userAgent: string | null;
}

/** What the /audit table shows of an entry (joined to cases for the reference); the export adds the hashes. */
export const AUDIT_LIST_COLUMNS = {
  id: auditLog.id,
  at: auditLog.at,
  actorEmail: auditLog.actorEmail,
  action: auditLog.action,
  targetType: auditLog.targetType,
  targetId: auditLog.targetId,
  caseReference: cases.reference,
  before: auditLog.before,
  after: auditLog.after,
  ip: auditLog.ip,
  userAgent: auditLog.userAgent,
};

export async function listAudit(params: AuditListParams): Promise<{ rows: AuditListRow[]; total: number; pageCount: number }> {
  const db = await getDb();
  const where = and(...auditListFilters(params));
  const [rows, [{ total }]] = await Promise.all([
    db
      .select(AUDIT_LIST_COLUMNS)
      .from(auditLog)
      .leftJoin(cases, eq(cases.id, auditLog.caseId))
      .where(where)
      // id breaks ties: entries of one transaction share their timestamp.
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(AUDIT_PAGE_SIZE)
      .offset((params.page - 1) * AUDIT_PAGE_SIZE),
    db.select({ total: count() }).from(auditLog).leftJoin(cases, eq(cases.id, auditLog.caseId)).where(where),
  ]);
  return { rows, total, pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}

/** Every action name the log holds, for the filter's select. */
export async function listAuditActions(): Promise<string[]> {
  const db = await getDb();
  const rows = await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action);
  return rows.map((r) => r.action);
}
