// Organization settings kept in the database (shared by every instance).
import { eq, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '@/lib/db/client';
import { settings } from '@/lib/db/schema';

const TWO_PERSON_RULE = 'two_person_rule';

/**
 * The two-person rule as an SQL expression, for a read that wants it with others in one
 * statement (the case file): on unless an administrator switched it off.
 */
export function twoPersonRuleSql(): SQL<boolean> {
  return sql<boolean>`coalesce((select (${settings.value}->>'enabled')::boolean from ${settings} where ${settings.key} = ${TWO_PERSON_RULE}), true)`;
}

/** On unless an administrator switched it off (an organization with a single CSO). */
export async function getTwoPersonRule(db: DbOrTx): Promise<boolean> {
  const [row] = rowsOf<{ enabled: boolean }>(await db.execute(sql`select ${twoPersonRuleSql()} as enabled`));
  return row.enabled;
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
