// Reads for the tokens section of /admin: never the hash.
import { desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/lib/db/client';
import { apiTokens, users } from '@/lib/db/schema';

export async function listApiTokens() {
  const db = await getDb();
  const creator = alias(users, 'creator');
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      role: apiTokens.role,
      prefix: apiTokens.prefix,
      createdBy: creator.email,
      createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .leftJoin(creator, eq(creator.id, apiTokens.createdById))
    .orderBy(desc(apiTokens.createdAt));
}
export type ApiTokenRow = Awaited<ReturnType<typeof listApiTokens>>[number];
