// Queuing webhook events: called inside the transaction of the change they report, so an
// event is sent if and only if the change committed (the transactional outbox). One row per
// subscribed endpoint, each retried on its own.
import { randomUUID } from 'node:crypto';
import { and, arrayContains, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/lib/db/client';
import { webhookEndpoints, webhookEvents } from '@/lib/db/schema';
import type { CaseStatus, WebhookEvent } from '@/lib/domain';
import { caseEventPayload } from './payload';

export async function enqueueCaseEvent(db: DbOrTx, event: WebhookEvent, subject: { reference: string; status: CaseStatus }): Promise<number> {
  const endpoints = await db
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.enabled, true), arrayContains(webhookEndpoints.events, [event])));
  if (endpoints.length === 0) return 0;
  const payload = caseEventPayload(event, subject, randomUUID(), new Date());
  await db.insert(webhookEvents).values(endpoints.map((e) => ({ endpointId: e.id, event, payload: { ...payload } })));
  return endpoints.length;
}
