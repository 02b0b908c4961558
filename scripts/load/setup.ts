// The load test's data, written in-process before the server opens the embedded database
// (one process at a time may hold it), through the app's own steps rather than SQL:
//   - the demo organization (the seed `npm run db:seed` runs);
//   - N CSO reviewers, created by the CLI's `user create`, each enrolling an authenticator of
//     their own with the real enrollment step (a code from a minute ago, so the sign-in code of
//     the current time step is still unused);
//   - M pending cases: applicant records imported by the bulk path the REST API batch uses,
//     then investigated and submitted for decision by the demo leads, so that under the
//     two-person rule any reviewer may decide any of them.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { importChunk, IMPORT_CHUNK_SIZE, type RawLine } from '@/lib/applicants/import';
import { appendAudit } from '@/lib/audit/log';
import { confirmEnrollment } from '@/lib/auth/mfa/code-step';
import { enrollmentSecret } from '@/lib/auth/mfa/store';
import { totpCode } from '@/lib/auth/mfa/totp';
import { moveCase } from '@/lib/cases/commands';
import type { CaseMove } from '@/lib/cases/lifecycle';
import type { Database } from '@/lib/db/client';
import { cases, users } from '@/lib/db/schema';
import { seedDemo } from '@/lib/db/seed/seed';
import { parseUserCreate } from '../cli/command-input';
import { userCreate } from '../cli/commands';

export interface Reviewer {
  email: string;
  password: string;
  totpSecret: string;
}

/** The reviewers' emails share this prefix, so the checks find their decisions and nobody else's. */
export const REVIEWER_PREFIX = 'load-reviewer-';
const SETUP_ACTOR = { ip: '127.0.0.1', userAgent: 'hirewatch-load-setup' };

async function userByEmail(db: Database, email: string) {
  const [user] = await db.select({ id: users.id, email: users.email, role: users.role }).from(users).where(eq(users.email, email));
  if (!user) throw new Error(`No user ${email}.`);
  return user;
}

export async function createReviewers(db: Database, count: number): Promise<Reviewer[]> {
  const reviewers: Reviewer[] = [];
  const aMinuteAgo = new Date(Date.now() - 60_000);
  for (let i = 1; i <= count; i++) {
    const email = `${REVIEWER_PREFIX}${String(i).padStart(3, '0')}@hirewatch.test`;
    const password = randomBytes(18).toString('base64url');
    await userCreate(db, parseUserCreate({ email, name: `Load reviewer ${i}`, role: 'cso', password }));
    const user = await userByEmail(db, email);
    const totpSecret = await enrollmentSecret(db, user.id);
    if (!totpSecret) throw new Error(`${email} already had a second factor.`);
    const enrolled = await confirmEnrollment(db, { user, code: totpCode(totpSecret, aMinuteAgo), now: aMinuteAgo, ...SETUP_ACTOR });
    if (!enrolled.ok) throw new Error(`The authenticator of ${email} was not confirmed.`);
    reviewers.push({ email, password, totpSecret });
  }
  return reviewers;
}

/** An applicant as an ATS would send it; unique identifiers, so that each case stands alone. */
function applicantRecord(n: number) {
  return {
    externalId: `LOAD-${n}`,
    claimedName: `Load Applicant ${n}`,
    resumeName: `Load Applicant ${n}`,
    role: 'Senior backend engineer',
    region: (['NA', 'EU', 'UK', 'APAC', 'LATAM', 'MEA'] as const)[n % 6],
    source: 'ats_import',
    identifiers: [
      { kind: 'email', value: `load.applicant.${n}@example.org` },
      { kind: 'phone', value: `+1 415 555 ${String(n % 10_000).padStart(4, '0')}` },
    ],
    indicators: n % 3 === 0 ? [{ code: 'name_mismatch_resume_interview', evidence: 'Introduced themselves under another name in the technical round.' }] : [],
  };
}

/** Imports `count` applicants as the demo recruiter and brings each to "pending decision" as a demo lead. */
export async function createPendingCases(db: Database, count: number): Promise<number> {
  const recruiter = await userByEmail(db, 'recruiter@hirewatch.test');
  const leads = [await userByEmail(db, 'lead@hirewatch.test'), await userByEmail(db, 'lead2@hirewatch.test')];
  let pending = 0;
  for (let first = 1; first <= count; first += IMPORT_CHUNK_SIZE) {
    const lines: RawLine[] = [];
    for (let n = first; n < Math.min(first + IMPORT_CHUNK_SIZE, count + 1); n++) lines.push({ line: n, value: applicantRecord(n) });
    const results = await importChunk(db, recruiter, lines, { id: recruiter.id, email: recruiter.email, ...SETUP_ACTOR });
    // The chunk's moves in one transaction: the steps and their audit entries as a lead's two
    // clicks would write them, without a commit per click.
    await db.transaction(async (tx) => {
      for (const result of results) {
        if (!result.ok) throw new Error(`Applicant ${result.line} was refused: ${result.message}`);
        const lead = leads[result.line % leads.length];
        for (const move of ['start_investigating', 'submit_for_decision'] satisfies CaseMove[]) {
          const [{ version }] = await tx.select({ version: cases.version }).from(cases).where(eq(cases.id, result.applicant.caseId));
          const step = await moveCase(tx, lead, { reference: result.applicant.reference, move, version, rationale: '' });
          await appendAudit(tx, { id: lead.id, email: lead.email, ...SETUP_ACTOR }, step.audit);
        }
        pending++;
      }
    });
  }
  return pending;
}

/** The whole set-up on an empty database. */
export async function prepareLoadData(db: Database, options: { reviewers: number; pendingCases: number }, log: (message: string) => void): Promise<{ reviewers: Reviewer[]; pending: number }> {
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  if (!(await seedDemo(db))) throw new Error('The data directory is not empty: the load test needs a fresh database.');
  log(`demo organization seeded (${elapsed()})`);
  // The CLI's user create prints a line per user: the report owns stdout, so they go to stderr.
  const print = console.log;
  console.log = (...parts: unknown[]) => console.error(...parts);
  try {
    const reviewers = await createReviewers(db, options.reviewers);
    log(`${reviewers.length} reviewers created and enrolled (${elapsed()})`);
    const pending = await createPendingCases(db, options.pendingCases);
    log(`${pending} cases imported and submitted for decision (${elapsed()})`);
    return { reviewers, pending };
  } finally {
    console.log = print;
  }
}
