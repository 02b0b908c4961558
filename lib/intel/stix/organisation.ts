// The organisation as the STIX `identity` that creates every exported object. Its id is
// drawn once and kept in the settings table, so a peer's platform sees every export (and
// every instance) come from the same producer. The name is HIREWATCH_ORG_NAME.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/lib/db/client';
import { settings } from '@/lib/db/schema';
import type { Organisation } from './bundle';

const KEY = 'stix_identity';

export function organisationName(): string {
  return process.env.HIREWATCH_ORG_NAME?.trim() || 'Hirewatch organisation';
}

export async function stixOrganisation(db: DbOrTx): Promise<Organisation> {
  const candidate = { id: `identity--${randomUUID()}`, createdAt: new Date().toISOString() };
  // Two first exports at once: the insert that loses keeps the winner's identity.
  await db.insert(settings).values({ key: KEY, value: candidate }).onConflictDoNothing();
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, KEY));
  const stored = row.value as { id: string; createdAt: string };
  return { identityId: stored.id, name: organisationName(), createdAt: new Date(stored.createdAt) };
}
