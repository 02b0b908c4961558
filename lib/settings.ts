// Organization settings kept in the database (shared by every instance).
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/lib/db/client';
import { settings } from '@/lib/db/schema';

const TWO_PERSON_RULE = 'two_person_rule';

/** On unless an administrator switched it off (an organization with a single CSO). */
export async function getTwoPersonRule(db: DbOrTx): Promise<boolean> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, TWO_PERSON_RULE));
  return row ? (row.value as { enabled: boolean }).enabled : true;
}

export async function setTwoPersonRule(db: DbOrTx, enabled: boolean): Promise<void> {
  await db
    .insert(settings)
    .values({ key: TWO_PERSON_RULE, value: { enabled } })
    .onConflictDoUpdate({ target: settings.key, set: { value: { enabled } } });
}

const RETENTION_DAYS = 'retention_days';
export const DEFAULT_RETENTION_DAYS = 365;
/** Bounds of the retention period an administrator may set (one month to ten years). */
export const MIN_RETENTION_DAYS = 30;
export const MAX_RETENTION_DAYS = 3650;

/**
 * Days after a clearance decision before the cleared applicant's personal data is erased
 * (lib/retention). Escalated cases are kept: they are the evidence of a threat.
 */
export async function getRetentionDays(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, RETENTION_DAYS));
  return row ? (row.value as { days: number }).days : DEFAULT_RETENTION_DAYS;
}

export async function setRetentionDays(db: DbOrTx, days: number): Promise<void> {
  await db
    .insert(settings)
    .values({ key: RETENTION_DAYS, value: { days } })
    .onConflictDoUpdate({ target: settings.key, set: { value: { days } } });
}
