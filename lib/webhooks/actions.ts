'use server';
// Webhook server actions (admin only; exports are public endpoints: actions only, each authorized).
import { authorizedAction } from '@/lib/actions/authorized-action';
import { createWebhook, deleteWebhook, setWebhookEnabled } from './commands';
import { createWebhookSchema, setWebhookEnabledSchema, webhookIdSchema } from './validators';

export const createWebhookAction = authorizedAction('webhooks:manage', createWebhookSchema, (input, { tx, user }) => createWebhook(tx, user, input));
export const setWebhookEnabledAction = authorizedAction('webhooks:manage', setWebhookEnabledSchema, (input, { tx, user }) => setWebhookEnabled(tx, user, input));
export const deleteWebhookAction = authorizedAction('webhooks:manage', webhookIdSchema, (input, { tx, user }) => deleteWebhook(tx, user, input));
