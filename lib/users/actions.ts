'use server';
// Server actions for user administration. This file exports actions and nothing else: each
// export is a public HTTP endpoint, authorized by the wrapper against the permissions matrix.
import { authorizedAction } from '@/lib/actions/authorized-action';
import { changeTwoPersonRule, createUser, disableUser, enableUser, resetSecondFactor } from './commands';
import { createUserSchema, twoPersonRuleSchema, userStatusSchema } from './validators';

export const createUserAction = authorizedAction('users:manage', createUserSchema, (input, { tx, user }) => createUser(tx, user, input));
export const disableUserAction = authorizedAction('users:manage', userStatusSchema, (input, { tx, user }) => disableUser(tx, user, input));
export const enableUserAction = authorizedAction('users:manage', userStatusSchema, (input, { tx, user }) => enableUser(tx, user, input));
export const setTwoPersonRuleAction = authorizedAction('users:manage', twoPersonRuleSchema, (input, { tx, user }) => changeTwoPersonRule(tx, user, input));
export const resetSecondFactorAction = authorizedAction('users:manage', userStatusSchema, (input, { tx, user }) => resetSecondFactor(tx, user, input));
