'use server';
// Server actions for the retention policy (admin). This file exports actions and nothing else.
import { authorizedAction } from '@/lib/actions/authorized-action';
import { changeRetention, runRetention } from './commands';
import { retentionDaysSchema, runRetentionSchema } from './validators';

export const setRetentionDaysAction = authorizedAction('retention:manage', retentionDaysSchema, (input, { tx, user }) => changeRetention(tx, user, input));
export const runRetentionAction = authorizedAction('retention:manage', runRetentionSchema, (_input, { tx }) => runRetention(tx));
