// The business steps of user administration, each inside the caller's transaction and each
// returning the audit entries it caused. Server actions and tests call them.
import { eq, sql } from 'drizzle-orm';
import { ActionRefused } from '@/lib/actions/errors';
import type { StepResult } from '@/lib/actions/authorized-action';
import { isOnCommonPasswordList } from '@/lib/auth/common-passwords';
import { deleteFactor } from '@/lib/auth/mfa/store';
import { hashPassword } from '@/lib/auth/password';
import { PASSWORD_MESSAGES } from '@/lib/auth/password-policy';
import type { SessionUser } from '@/lib/auth/session';
import type { Transaction } from '@/lib/db/client';
import { users } from '@/lib/db/schema';
import { ROLE_LABELS } from '@/lib/domain';
import { getTwoPersonRule, setTwoPersonRule } from '@/lib/settings';
import { DUPLICATE_EMAIL_MESSAGE, type CreateUserInput, type TwoPersonRuleInput, type UserStatusInput } from './validators';

type Actor = Pick<SessionUser, 'id' | 'role'>;

function duplicateEmail(): ActionRefused {
  return new ActionRefused(DUPLICATE_EMAIL_MESSAGE, { email: [DUPLICATE_EMAIL_MESSAGE] });
}

export async function createUser(tx: Transaction, _actor: Actor, input: CreateUserInput): Promise<StepResult & { userId: string }> {
  // The schema checked length and the email; the common-password list is read on the server only.
  if (isOnCommonPasswordList(input.password)) throw new ActionRefused(PASSWORD_MESSAGES.common, { password: [PASSWORD_MESSAGES.common] });
  // Checked before hashing (argon2 is deliberately slow); the unique index still decides a race.
  const [existing] = await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, input.email));
  if (existing) throw duplicateEmail();
  const passwordHash = await hashPassword(input.password);
  const [created] = await tx
    .insert(users)
    .values({ email: input.email, name: input.name, role: input.role, passwordHash })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id });
  if (!created) throw duplicateEmail();
  return {
    userId: created.id,
    message: `${input.email} can now sign in as ${ROLE_LABELS[input.role]}. Share the initial password through a separate channel.`,
    // Never the password, nor its hash.
    audit: { action: 'user.created', targetType: 'user', targetId: input.email, after: { id: created.id, email: input.email, name: input.name, role: input.role } },
    revalidate: ['/admin'],
  };
}

async function userForUpdate(tx: Transaction, userId: string) {
  const [found] = await tx
    .select({ id: users.id, email: users.email, disabled: users.disabled })
    .from(users)
    .where(eq(users.id, userId))
    .for('update');
  if (!found) throw new ActionRefused('This user does not exist.');
  return found;
}

/**
 * Ends the user's sessions at once too: bumping session_version invalidates every token
 * issued before (lib/auth/session-check.ts), on every instance, and stays bumped if the user
 * is enabled again, so an old stolen cookie never comes back to life.
 */
export async function disableUser(tx: Transaction, actor: Actor, input: UserStatusInput): Promise<StepResult> {
  // An administrator locking themself out could leave the organization with none.
  if (input.userId === actor.id) throw new ActionRefused('You cannot disable your own account. Ask another administrator to do it.');
  const subject = await userForUpdate(tx, input.userId);
  if (subject.disabled) throw new ActionRefused(`${subject.email} is already disabled.`);
  await tx
    .update(users)
    .set({ disabled: true, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, subject.id));
  return {
    message: `${subject.email} is disabled; their sessions have ended.`,
    audit: { action: 'user.disabled', targetType: 'user', targetId: subject.email, before: { disabled: false }, after: { disabled: true } },
    revalidate: ['/admin'],
  };
}

export async function enableUser(tx: Transaction, _actor: Actor, input: UserStatusInput): Promise<StepResult> {
  const subject = await userForUpdate(tx, input.userId);
  if (!subject.disabled) throw new ActionRefused(`${subject.email} is already active.`);
  await tx.update(users).set({ disabled: false }).where(eq(users.id, subject.id));
  return {
    message: `${subject.email} can sign in again.`,
    audit: { action: 'user.enabled', targetType: 'user', targetId: subject.email, before: { disabled: true }, after: { disabled: false } },
    revalidate: ['/admin'],
  };
}

/**
 * Removes a user's authenticator and recovery codes (a lost phone), so that their next sign-in
 * enrolls a new one, and ends their sessions at once (session version bumped) so that nobody
 * keeps a session passed with the old factor. An administrator cannot reset their own: another
 * one must, so a stolen admin session cannot swap the factor for the attacker's.
 */
export async function resetSecondFactor(tx: Transaction, actor: Actor, input: UserStatusInput): Promise<StepResult> {
  if (input.userId === actor.id) throw new ActionRefused('You cannot reset your own second factor. Ask another administrator, or sign in with a recovery code.');
  const subject = await userForUpdate(tx, input.userId);
  if (!(await deleteFactor(tx, subject.id))) throw new ActionRefused(`${subject.email} has no second factor to reset.`);
  await tx
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, subject.id));
  return {
    message: `${subject.email}'s second factor is removed and their sessions have ended; they set up a new authenticator at their next sign-in.`,
    audit: { action: 'mfa.reset', targetType: 'user', targetId: subject.email, before: { secondFactor: 'totp' }, after: { secondFactor: null } },
    revalidate: ['/admin'],
  };
}

export async function changeTwoPersonRule(tx: Transaction, _actor: Actor, input: TwoPersonRuleInput): Promise<StepResult> {
  const current = await getTwoPersonRule(tx);
  if (current === input.enabled) throw new ActionRefused(`The two-person rule is already ${current ? 'on' : 'off'}.`);
  await setTwoPersonRule(tx, input.enabled);
  return {
    message: input.enabled
      ? 'The two-person rule is on: the CSO who decides a case must not be the one who investigated it.'
      : 'The two-person rule is off: every decision from now on is recorded as taken with the rule waived.',
    audit: {
      action: 'settings.changed',
      targetType: 'settings',
      targetId: 'two_person_rule',
      before: { twoPersonRule: current ? 'on' : 'off' },
      after: { twoPersonRule: input.enabled ? 'on' : 'off' },
    },
    revalidate: ['/admin'],
  };
}
