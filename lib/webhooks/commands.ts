// Business steps on webhook endpoints (admin). The secret is shown once, in the message of
// the step that set it, and stored only encrypted; audit entries never contain it.
import { eq } from 'drizzle-orm';
import { ActionRefused } from '@/lib/actions/errors';
import type { StepResult } from '@/lib/actions/authorized-action';
import type { SessionUser } from '@/lib/auth/session';
import type { Transaction } from '@/lib/db/client';
import { webhookEndpoints } from '@/lib/db/schema';
import { sealSecret } from './secret-box';
import { generateWebhookSecret } from './signature';
import type { CreateWebhookInput } from './validators';

type Actor = Pick<SessionUser, 'id'>;

export async function createWebhook(tx: Transaction, actor: Actor, input: CreateWebhookInput): Promise<StepResult & { secret: string; id: string }> {
  const secret = input.secret ?? generateWebhookSecret();
  const [created] = await tx
    .insert(webhookEndpoints)
    .values({ name: input.name, url: input.url, secretCiphertext: sealSecret(secret), events: input.events, createdById: actor.id })
    .returning({ id: webhookEndpoints.id });
  return {
    id: created.id,
    secret,
    message: input.secret
      ? `Endpoint "${input.name}" created with the secret you entered.`
      : `Endpoint "${input.name}" created. Its signing secret, shown this once: ${secret}`,
    audit: { action: 'webhook.created', targetType: 'webhook', targetId: created.id, after: { name: input.name, url: input.url, events: input.events, secret: input.secret ? 'entered' : 'generated' } },
    revalidate: ['/admin/webhooks'],
  };
}

export async function setWebhookEnabled(tx: Transaction, _actor: Actor, input: { id: string; enabled: boolean }): Promise<StepResult> {
  const [updated] = await tx.update(webhookEndpoints).set({ enabled: input.enabled }).where(eq(webhookEndpoints.id, input.id)).returning({ name: webhookEndpoints.name });
  if (!updated) throw new ActionRefused('This webhook endpoint does not exist.');
  return {
    message: `Endpoint "${updated.name}" ${input.enabled ? 'enabled' : 'disabled'}.`,
    audit: { action: 'webhook.changed', targetType: 'webhook', targetId: input.id, after: { enabled: input.enabled } },
    revalidate: ['/admin/webhooks'],
  };
}

/** Deletes the endpoint with its queued events and delivery log (the audit entry remains). */
export async function deleteWebhook(tx: Transaction, _actor: Actor, input: { id: string }): Promise<StepResult> {
  const [deleted] = await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, input.id)).returning({ name: webhookEndpoints.name, url: webhookEndpoints.url });
  if (!deleted) throw new ActionRefused('This webhook endpoint does not exist.');
  return {
    message: `Endpoint "${deleted.name}" deleted.`,
    audit: { action: 'webhook.deleted', targetType: 'webhook', targetId: input.id, before: { name: deleted.name, url: deleted.url } },
    revalidate: ['/admin/webhooks'],
  };
}
