'use server';
// Server actions for API tokens. This file exports actions and nothing else: each export is a
// public HTTP endpoint, authorized by the wrapper against the permissions matrix.
import { authorizedAction } from '@/lib/actions/authorized-action';
import { createApiToken, revokeApiToken } from './commands';
import { createTokenSchema, revokeTokenSchema } from './validators';

export const createApiTokenAction = authorizedAction('tokens:manage', createTokenSchema, (input, { tx, user }) => createApiToken(tx, user, input));
export const revokeApiTokenAction = authorizedAction('tokens:manage', revokeTokenSchema, (input, { tx, user }) => revokeApiToken(tx, user, input));
