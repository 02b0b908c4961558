// Reads for the administration page. Only the columns the page shows: never the password hash.
import { asc, eq, notExists, sql } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { apiTokens, userSecondFactors, users } from '@/lib/db/schema';
import { getTwoPersonRule } from '@/lib/settings';

export interface UserListRow {
  id: string;
  email: string;
  name: string;
  role: (typeof users.$inferSelect)['role'];
  disabled: boolean;
  createdAt: Date;
  /** Whether an authenticator is enrolled and confirmed (never the secret). */
  hasSecondFactor: boolean;
}

export async function listUsers(): Promise<UserListRow[]> {
  const db = await getDb();
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabled: users.disabled,
      createdAt: users.createdAt,
      hasSecondFactor: sql<boolean>`${userSecondFactors.confirmedAt} is not null`,
    })
    .from(users)
    .leftJoin(userSecondFactors, eq(userSecondFactors.userId, users.id))
    // API tokens' service users are listed with the tokens, not as people who sign in.
    .where(notExists(db.select({ one: sql`1` }).from(apiTokens).where(eq(apiTokens.serviceUserId, users.id))))
    .orderBy(asc(users.disabled), asc(users.email));
}

/** Whether the two-person rule is on (it is unless an administrator switched it off). */
export async function twoPersonRuleEnabled(): Promise<boolean> {
  return getTwoPersonRule(await getDb());
}
