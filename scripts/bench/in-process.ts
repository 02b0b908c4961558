// The part of the benchmark that runs against the embedded database directly, before the
// server starts (one process at a time may open it): pick the cases, networks and pending
// decisions the HTTP scenarios use, and time the matching a submission runs. PGlite is
// in-process in the server too, so these timings are the server's database work without
// HTTP, React rendering or the session check.
import { performance } from 'node:perf_hooks';
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { submitCandidate } from '@/lib/cases/commands';
import { closeDb, getDb, rowsOf } from '@/lib/db/client';
import { cases, users } from '@/lib/db/schema';
import { findSharedIdentifiers, findWatchlistHits } from '@/lib/intel/matching';

export interface Fixtures {
  counts: { cases: number; watchlist: number; identifiers: number; networks: number };
  /** Pending cases a CSO may decide (investigated by leads), with the version a form would carry. */
  pending: { reference: string; version: number }[];
  /** Case files of network members (the heaviest case files). */
  caseFiles: string[];
  networks: string[];
  /** A page ~90 % deep into the list view the bench reads, and the cursor its Next link would carry. */
  deep: { page: number; after: string };
}

class Rollback extends Error {}

/** The list view of the bench: cleared cases, riskiest first (what /cases?status=cleared&sort=risk shows). */
export const LIST_VIEW = { query: 'status=cleared&sort=risk', status: 'cleared' as const };

export async function prepare(decisions: number): Promise<Fixtures> {
  const db = await getDb();
  const count = async (table: string) => rowsOf<{ n: number }>(await db.execute(sql.raw(`select count(*)::int as n from ${table}`)))[0].n;
  const leads = (await db.select({ id: users.id }).from(users).where(eq(users.role, 'lead'))).map((u) => u.id);
  const pending = await db
    .select({ reference: cases.reference, version: cases.version })
    .from(cases)
    .where(and(eq(cases.status, 'pending_decision'), inArray(cases.assigneeId, leads), inArray(cases.submittedForDecisionById, leads)))
    .orderBy(asc(cases.createdAt))
    .limit(decisions);
  const caseFiles = (await db.select({ reference: cases.reference }).from(cases).where(isNotNull(cases.networkId)).orderBy(desc(cases.riskScore), asc(cases.reference)).limit(25)).map((r) => r.reference);
  const networks = rowsOf<{ id: string }>(
    await db.execute(sql`select network_id as id from cases where network_id is not null group by network_id order by count(*) desc, network_id limit 25`),
  ).map((r) => r.id);
  const [{ n: listed }] = await db.select({ n: sql<number>`count(*)::int` }).from(cases).where(eq(cases.status, LIST_VIEW.status));
  const page = Math.max(2, Math.floor((listed / 25) * 0.9));
  const [boundary] = await db
    .select({ reference: cases.reference })
    .from(cases)
    .where(eq(cases.status, LIST_VIEW.status))
    .orderBy(desc(cases.riskScore), desc(cases.reference))
    .offset((page - 1) * 25 - 1)
    .limit(1);
  return {
    deep: { page, after: boundary.reference },
    counts: { cases: await count('cases'), watchlist: await count('watchlist'), identifiers: await count('identifiers'), networks: await count('(select distinct network_id from cases where network_id is not null) n') },
    pending,
    caseFiles,
    networks,
  };
}

/**
 * Times a submission's matching: a candidate is submitted with the real submitCandidate
 * (insert, network update, risk of the case and its links) inside a transaction that is then
 * rolled back, and the two matching reads on the new case (its watchlist hits and the cases
 * sharing its identifiers) are timed on their own. Every other submission reuses a planted
 * ring's email spelled differently, so half of them match. The first `warmup` submissions
 * are not timed, as the HTTP scenarios' warm-up requests are not.
 */
export async function timeSubmissionMatching(warmup: number, runs: number): Promise<{ match: number[]; step: number[] }> {
  const db = await getDb();
  const [recruiter] = await db.select({ id: users.id, role: users.role }).from(users).where(eq(users.role, 'recruiter')).limit(1);
  const ringEmails = rowsOf<{ value: string }>(
    await db.execute(sql`select i.value from identifiers i join cases c on c.id = i.case_id where c.network_id is not null and i.kind = 'email' and i.normalized like '%@gmail.com' limit 50`),
  ).map((r) => r.value);
  const match: number[] = [];
  const step: number[] = [];
  for (let run = 0; run < warmup + runs; run++) {
    const email = run % 2 === 0 && ringEmails.length > 0 ? ringEmails[run % ringEmails.length].replace('@', '+bench@') : `bench.applicant.${run}.${Date.now()}@example.org`;
    try {
      await db.transaction(async (tx) => {
        const started = performance.now();
        const submitted = await submitCandidate(tx, recruiter, {
          claimedName: 'Bench Applicant',
          resumeName: 'Bench Applicant',
          jobRole: 'Platform Engineer (Kubernetes)',
          region: 'EU',
          source: 'job_board',
          email,
          phone: `+44 20 9${String(run).padStart(3, '0')} 1234`,
          linkedin: '',
        });
        step.push(performance.now() - started);
        const matchStarted = performance.now();
        await findWatchlistHits(tx, submitted.caseId);
        await findSharedIdentifiers(tx, submitted.caseId);
        match.push(performance.now() - matchStarted);
        throw new Rollback();
      });
    } catch (error) {
      if (!(error instanceof Rollback)) throw error;
    }
  }
  return { match: match.slice(warmup), step: step.slice(warmup) };
}

export { closeDb };
