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
