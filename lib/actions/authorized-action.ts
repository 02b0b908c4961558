// The one shape of every server action (CONVENTIONS.md "What we adopt" 1 and 7):
// authorize with the permissions matrix → zod parse → one transaction → audit → revalidate.
// Each action body is the business step alone and returns the audit entries it caused.
import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import { appendAudit, type AuditInput } from '@/lib/audit/log';
import { requestMeta } from '@/lib/audit/request-meta';
import { can, type Permission } from '@/lib/auth/permissions';
import { currentUser, type SessionUser } from '@/lib/auth/session';
import { getDb, type Transaction } from '@/lib/db/client';
import { ActionRefused, StaleCaseError } from './errors';
import type { ActionState } from './state';

export interface StepResult {
  audit: AuditInput | AuditInput[];
  message?: string;
  /** Lines shown under the message (e.g. the indicators an import skipped, with why). */
  details?: string[];
  revalidate?: string[];
  /** Work outside the database that must only happen once the transaction committed (deleting files). */
  afterCommit?: () => Promise<void>;
  /** A value the user sees once, in this answer only (a new API token's secret). */
  reveal?: string;
}

export type BusinessStep<T> = (input: T, context: { user: SessionUser; tx: Transaction }) => Promise<StepResult>;

const SECRET_FIELDS = new Set(['password', 'newPassword', 'currentPassword', 'secret']);

/** FormData as plain values; repeated keys (checkbox groups) become arrays; an uploaded file stays a File. */
export function formValues(formData: FormData): Record<string, string | string[] | File> {
  const values: Record<string, string | string[] | File> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith('$ACTION')) continue;
    const file = formData.get(key);
    if (file instanceof File) {
      values[key] = file;
      continue;
    }
    const all = formData.getAll(key).filter((v): v is string => typeof v === 'string');
    values[key] = all.length > 1 ? all : (all[0] ?? '');
  }
  return values;
}

/** What goes back to the form: never a secret, never an uploaded file. */
function echo(values: Record<string, string | string[] | File>): Record<string, string | string[]> {
  return Object.fromEntries(
    Object.entries(values).filter((entry): entry is [string, string | string[]] => !SECRET_FIELDS.has(entry[0]) && !(entry[1] instanceof File)),
  );
}

export function authorizedAction<S extends z.ZodType>(
  permission: Permission,
  schema: S,
  step: BusinessStep<z.output<S>>,
): (previous: ActionState, formData: FormData) => Promise<ActionState> {
  return async (_previous, formData) => {
    const values = formValues(formData);
    const user = await currentUser();
    if (!user) return { status: 'error', message: 'Your session has ended. Sign in again.', values: echo(values) };
    if (!can(user.role, permission)) return { status: 'error', message: 'You are not allowed to do this.' };

    // Files go to the schema but are never echoed back (see echo).
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? 'form');
        (fieldErrors[key] ??= []).push(issue.message);
      }
      return { status: 'error', message: 'Check the highlighted fields.', fieldErrors, values: echo(values) };
    }

    try {
      const meta = await requestMeta();
      const db = await getDb();
      const result = await db.transaction(async (tx) => {
        const outcome = await step(parsed.data, { user, tx });
        await appendAudit(tx, { id: user.id, email: user.email, ip: meta.ip, userAgent: meta.userAgent }, outcome.audit);
        return outcome;
      });
      await result.afterCommit?.();
      for (const path of result.revalidate ?? []) revalidatePath(path);
      return { status: 'ok', message: result.message, details: result.details, reveal: result.reveal, savedAt: Date.now() };
    } catch (error) {
      if (error instanceof ActionRefused) {
        return {
          status: 'error',
          message: error.message,
          fieldErrors: error.fieldErrors,
          values: echo(values),
          conflict: error instanceof StaleCaseError,
        };
      }
      console.error(`[action] ${permission} failed`, error instanceof Error ? error.message : error);
      return { status: 'error', message: 'Something went wrong; nothing was saved. Try again.', values: echo(values) };
    }
  };
}
