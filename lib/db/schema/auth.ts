// Who may sign in and how: users, their second factor and recovery codes, sign-in throttling,
// and the API tokens integrations act through (with their rate windows).
import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { roleEnum } from './enums';
import { cases } from './cases';

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: roleEnum('role').notNull(),
  passwordHash: text('password_hash').notNull(),
  disabled: boolean('disabled').notNull().default(false),
  // Bumped when a password changes or a user is disabled: sessions carrying an older
  // version end at once, on every instance.
  sessionVersion: integer('session_version').notNull().default(1),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
  createdAt: createdAt(),
});

/**
 * A user's TOTP second factor (required for cso and admin, lib/auth/mfa/policy.ts). The secret
 * is stored encrypted (AES-256-GCM, key derived from AUTH_SECRET: lib/security/secret-box.ts).
 * confirmedAt is null while enrollment waits for the first valid code. lastUsedStep is the
 * highest TOTP time step accepted: a code of that step or an earlier one is a replay.
 */
export const userSecondFactors = pgTable('user_second_factors', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  secretEncrypted: text('secret_encrypted').notNull(),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  lastUsedStep: bigint('last_used_step', { mode: 'number' }),
  createdAt: createdAt(),
});

/** One-time recovery codes: SHA-256 of each high-entropy code, consumed by setting usedAt. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('recovery_codes_user_hash_idx').on(t.userId, t.codeHash)],
);

/** Failed sign-ins, per account and per IP, kept in the database so throttling holds across instances. */
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** 'account:<email>' or 'ip:<address>'. */
    key: text('key').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sign_in_attempts_key_at_idx').on(t.key, t.at)],
);

/**
 * API tokens for integrations (an ATS). Only the SHA-256 of the secret is kept; the secret is
 * shown once. Each token acts through a service user of its own (a disabled users row that
 * can never sign in), so cases it submits carry `submitted_by_id` = that user, and a recruiter
 * token sees exactly its own submissions with the same SQL scope as a recruiter.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull().unique(),
    role: roleEnum('role').notNull(),
    /** The first characters of the secret (`hw_` + 6), to recognize a token in lists and logs. */
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    serviceUserId: uuid('service_user_id')
      .notNull()
      .unique()
      .references(() => users.id),
    createdById: uuid('created_by_id').references(() => users.id),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  // A token acts as a recruiter or a lead, never with more.
  (t) => [check('api_tokens_role_check', sql`${t.role} in ('recruiter', 'lead')`)],
);

/** Requests per token per minute (a fixed window), kept in the database so every instance counts. */
export const apiRateWindows = pgTable(
  'api_rate_windows',
  {
    tokenId: uuid('token_id')
      .notNull()
      .references(() => apiTokens.id),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    requests: integer('requests').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.tokenId, t.windowStart] })],
);

export type User = typeof users.$inferSelect;
export type ApiToken = typeof apiTokens.$inferSelect;
