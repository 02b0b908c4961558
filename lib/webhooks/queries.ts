// What the admin webhooks page shows: the endpoints (never their secrets) and the latest
// delivery attempts with their outcome.
import { desc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { webhookDeliveries, webhookEndpoints, webhookEvents } from '@/lib/db/schema';

export async function listWebhookEndpoints() {
  const db = await getDb();
  return db
    .select({
      id: webhookEndpoints.id,
      name: webhookEndpoints.name,
      url: webhookEndpoints.url,
      events: webhookEndpoints.events,
      enabled: webhookEndpoints.enabled,
      createdAt: webhookEndpoints.createdAt,
      pending: sql<number>`(select count(*)::int from ${webhookEvents} where ${webhookEvents.endpointId} = ${webhookEndpoints.id} and ${webhookEvents.status} = 'pending')`,
      failed: sql<number>`(select count(*)::int from ${webhookEvents} where ${webhookEvents.endpointId} = ${webhookEndpoints.id} and ${webhookEvents.status} = 'failed')`,
    })
    .from(webhookEndpoints)
    .orderBy(webhookEndpoints.createdAt);
}

export const DELIVERY_LOG_SIZE = 100;

export async function recentWebhookDeliveries() {
  const db = await getDb();
  return db
    .select({
      id: webhookDeliveries.id,
      at: webhookDeliveries.at,
      attempt: webhookDeliveries.attempt,
      statusCode: webhookDeliveries.statusCode,
      durationMs: webhookDeliveries.durationMs,
      error: webhookDeliveries.error,
      event: webhookEvents.event,
      eventStatus: webhookEvents.status,
      endpoint: webhookEndpoints.name,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookEvents.endpointId))
    .orderBy(desc(webhookDeliveries.id))
    .limit(DELIVERY_LOG_SIZE);
}
