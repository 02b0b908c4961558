// The business steps of API-token administration, inside the caller's transaction, each
// returning its audit entries. Server actions, the CLI and the tests call them.
import { randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { ActionRefused } from '@/lib/actions/errors';
import type { StepResult } from '@/lib/actions/authorized-action';
import { hashPassword } from '@/lib/auth/password';
import type { Transaction } from '@/lib/db/client';
import { apiTokens, users } from '@/lib/db/schema';
import { displayPrefix, generateTokenSecret, hashTokenSecret } from './secret';
import type { CreateTokenInput, RevokeTokenInput } from './validators';

type Actor = { id: string | null };

export const DUPLICATE_TOKEN_NAME = 'A token with this name already exists.';

/**
 * Creates the token and its service user: a users row that is disabled and has a password
 * nobody knows, so it can never sign in; it is who the token's submissions and audit entries
 * belong to. The secret is returned once and never stored.
 */
export async function createApiToken(tx: Transaction, actor: Actor, input: CreateTokenInput): Promise<StepResult & { secret: string; tokenId: string }> {
  const [taken] = await tx.select({ id: apiTokens.id }).from(apiTokens).where(eq(apiTokens.name, input.name));
  if (taken) throw new ActionRefused(DUPLICATE_TOKEN_NAME, { name: [DUPLICATE_TOKEN_NAME] });
  const tokenId = randomUUID();
  const [serviceUser] = await tx
    .insert(users)
    .values({
      email: `api-token.${tokenId}@hirewatch.invalid`,
      name: `API token ${input.name}`,
      role: input.role,
      passwordHash: await hashPassword(randomBytes(32).toString('base64url')),
      disabled: true,
    })
    .returning({ id: users.id });
  const secret = generateTokenSecret();
  await tx.insert(apiTokens).values({
    id: tokenId,
    name: input.name,
    role: input.role,
    prefix: displayPrefix(secret),
    tokenHash: hashTokenSecret(secret),
    serviceUserId: serviceUser.id,
    createdById: actor.id,
    expiresAt: input.expiresOn,
  });
  return {
    secret,
    reveal: secret,
    tokenId,
    message: `Token "${input.name}" created. Copy the secret now: it is shown only once.`,
    audit: {
      action: 'api_token.created',
      targetType: 'api_token',
      targetId: input.name,
      after: { id: tokenId, name: input.name, role: input.role, prefix: displayPrefix(secret), expiresAt: input.expiresOn?.toISOString() ?? null },
    },
    revalidate: ['/admin'],
  };
}

export async function revokeApiToken(tx: Transaction, _actor: Actor, input: RevokeTokenInput): Promise<StepResult> {
  const [token] = await tx.select().from(apiTokens).where(eq(apiTokens.id, input.tokenId)).for('update');
  if (!token) throw new ActionRefused('This token does not exist.');
  if (token.revokedAt) throw new ActionRefused(`Token "${token.name}" is already revoked.`);
  await tx.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, token.id));
  return {
    message: `Token "${token.name}" is revoked: requests with it are refused from now on.`,
    audit: { action: 'api_token.revoked', targetType: 'api_token', targetId: token.name, before: { revoked: false }, after: { revoked: true } },
    revalidate: ['/admin'],
  };
}
