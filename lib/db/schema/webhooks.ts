// Outgoing webhooks: endpoints, the events queued for them and every delivery attempt.
import { bigserial, boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { WEBHOOK_EVENTS } from '@/lib/domain';
import { createdAt } from './columns';
import { webhookEventStatusEnum } from './enums';
import { users } from './auth';

/** Where events are POSTed. The signing secret is stored encrypted (lib/security/secret-box.ts). */
export const webhookEndpoints = pgTable('webhook_endpoints', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  url: text('url').notNull(),
  secretCiphertext: text('secret_ciphertext').notNull(),
  events: text('events', { enum: WEBHOOK_EVENTS }).array().notNull(),
  enabled: boolean('enabled').notNull().default(true),
  createdById: uuid('created_by_id').references(() => users.id),
  createdAt: createdAt(),
});

/**
 * The outbox: one row per event and endpoint, written in the transaction of the change it
 * reports, so an event exists if and only if the change committed. The delivery worker
 * claims due rows (next_attempt_at <= now()) with FOR UPDATE SKIP LOCKED and pushes
 * next_attempt_at forward as a lease while it sends.
 */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    endpointId: uuid('endpoint_id').notNull().references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    event: text('event', { enum: WEBHOOK_EVENTS }).notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: webhookEventStatusEnum('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('webhook_events_due_idx').on(t.status, t.nextAttemptAt), index('webhook_events_endpoint_idx').on(t.endpointId, t.createdAt)],
);

/** Every delivery attempt: what the receiver answered (or why nothing came back) and how long it took. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    eventId: uuid('event_id').notNull().references(() => webhookEvents.id, { onDelete: 'cascade' }),
    attempt: integer('attempt').notNull(),
    statusCode: integer('status_code'),
    durationMs: integer('duration_ms').notNull(),
    error: text('error'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('webhook_deliveries_event_idx').on(t.eventId)],
);
