// Fuzzy matches between cases, found through the match_keys index (never a scan):
// names across romanizations, one email handle at several providers, recycled résumé text.
// Each match carries what matched and how similar it is, for the evidence a reviewer reads.
import { inArray, sql } from 'drizzle-orm';
import { anyOf } from '@/lib/db/any-of';
import { rowsOf, type DbOrTx } from '@/lib/db/client';
import { cases, matchKeys, resumeSignatures } from '@/lib/db/schema';
import type { CaseStatus } from '@/lib/domain';
import { normalizeEmail } from '@/lib/intel/normalize';
import { estimateJaccard, NEAR_DUPLICATE_JACCARD } from './minhash';
import { nameSimilarity } from './romanization';

/**
 * A name or handle held by more cases than this is common ("Kim Min-jun", "jsmith1990"):
 * it tells nothing about who is behind an application, so it neither scores nor links. It
 * also bounds the work of one lookup whatever the size of the database.
 */
export const MAX_KEY_HOLDERS = 25;
/** Résumé candidates checked per case, most band collisions first. */
const MAX_RESUME_CANDIDATES = 200;

export type FuzzyKind = 'name' | 'email_local' | 'resume';

export interface FuzzyPair {
  from: string;
  to: string;
  kind: FuzzyKind;
  /** The value of `from` that matched (a name, an email, "résumé text"). */
  mine: string;
  /** The value of `to` it matched. */
  theirs: string;
  /** 0–1: letter similarity of names, estimated Jaccard of résumés, 1 for a handle. */
  similarity: number;
}

/**
 * Name and email-handle matches of these cases: one row per (case, other case, kind), the most
 * similar kept (ties: the first pair of spellings in alphabetical order, so the evidence does
 * not depend on the order the database returns rows in).
 *
 * Each key of the cases asked about is looked up in the (kind, key) index on its own (a
 * LATERAL subquery with a LIMIT, which PostgreSQL cannot turn into a join over the whole
 * table), reading at most MAX_KEY_HOLDERS + 1 holders: the work grows with the cases asked
 * about, never with the table, and the holder count that makes a key common comes with it.
 */
async function keyPairs(db: DbOrTx, caseIds: string[], kinds: ('name' | 'email_local')[]): Promise<FuzzyPair[]> {
  if (caseIds.length === 0) return [];
  const rows = rowsOf<{ from: string; to: string; kind: 'name' | 'email_local'; mine: string; theirs: string }>(
    await db.execute(sql`
      select ${matchKeys.caseId} as "from", held.case_id as "to", ${matchKeys.kind} as "kind", ${matchKeys.shown} as "mine", held.shown as "theirs"
      from ${matchKeys}
      cross join lateral (
        select holder.case_id, holder.shown, count(*) over () as holders
        from (select h.case_id, h.shown from ${matchKeys} as h where h.kind = ${matchKeys.kind} and h.key = ${matchKeys.key} limit ${MAX_KEY_HOLDERS + 1}) as holder
      ) as held
      where ${anyOf(matchKeys.caseId, caseIds)} and ${inArray(matchKeys.kind, kinds)}
        and held.case_id <> ${matchKeys.caseId} and held.holders <= ${MAX_KEY_HOLDERS}`),
  );
  const best = new Map<string, FuzzyPair>();
  for (const row of rows) {
    if (row.kind === 'email_local') {
      // The very same mailbox is an exact shared identifier, counted as such elsewhere.
      const a = normalizeEmail(row.mine);
      const b = normalizeEmail(row.theirs);
      if (a.ok && b.ok && a.value === b.value) continue;
    }
    const similarity = row.kind === 'name' ? nameSimilarity(row.mine, row.theirs) : 1;
    const id = `${row.from}|${row.to}|${row.kind}`;
    const known = best.get(id);
    const spelledBefore = known && (row.mine < known.mine || (row.mine === known.mine && row.theirs < known.theirs));
    if (!known || similarity > known.similarity || (similarity === known.similarity && spelledBefore)) {
      best.set(id, { from: row.from, to: row.to, kind: row.kind, mine: row.mine, theirs: row.theirs, similarity });
    }
  }
  return [...best.values()];
}

/**
 * Résumés of these cases that are near-duplicates of another case's (estimated Jaccard ≥
 * threshold). Two statements for any number of cases: the candidates of every case at once
 * (most band collisions first, the rest cut at MAX_RESUME_CANDIDATES per case), then the
 * signatures of all of them.
 */
async function resumePairs(db: DbOrTx, caseIds: string[]): Promise<FuzzyPair[]> {
  if (caseIds.length === 0) return [];
  // Per band key of the cases asked about, an index lookup of the other holders (LATERAL,
  // OFFSET 0: never a join over every band key of the table).
  const candidates = rowsOf<{ from: string; to: string }>(
    await db.execute(sql`
      select "from", "to" from (
        select ${matchKeys.caseId} as "from", held.case_id as "to",
               row_number() over (partition by ${matchKeys.caseId} order by count(*) desc, held.case_id) as rank
        from ${matchKeys}
        cross join lateral (
          select h.case_id from ${matchKeys} as h
          where h.kind = ${matchKeys.kind} and h.key = ${matchKeys.key} and h.case_id <> ${matchKeys.caseId}
          offset 0) as held
        where ${anyOf(matchKeys.caseId, caseIds)} and ${matchKeys.kind} = 'resume_band'
        group by ${matchKeys.caseId}, held.case_id) as ranked
      where rank <= ${MAX_RESUME_CANDIDATES}`),
  );
  if (candidates.length === 0) return [];
  const involved = [...new Set(candidates.flatMap((c) => [c.from, c.to]))];
  const signatures = new Map(
    (await db.select({ caseId: resumeSignatures.caseId, signature: resumeSignatures.signature }).from(resumeSignatures).where(anyOf(resumeSignatures.caseId, involved))).map(
      (row) => [row.caseId, row.signature],
    ),
  );
  const pairs: FuzzyPair[] = [];
  for (const { from, to } of candidates) {
    const a = signatures.get(from);
    const b = signatures.get(to);
    if (!a || !b) continue;
    const similarity = estimateJaccard(a, b);
    if (similarity >= NEAR_DUPLICATE_JACCARD) pairs.push({ from, to, kind: 'resume', mine: 'résumé text', theirs: 'résumé text', similarity });
  }
  return pairs;
}

export interface FuzzyMatch extends FuzzyPair {
  reference: string;
  status: CaseStatus;
  /** The other case's claimed name: a match with one's own earlier application is no evidence. */
  claimedName: string;
}

/** Every fuzzy match of one case, with the other case's reference for the evidence text. */
export async function findFuzzyMatches(db: DbOrTx, caseId: string): Promise<FuzzyMatch[]> {
  return (await findFuzzyMatchesOf(db, [caseId])).get(caseId) ?? [];
}

/** The same for many cases with a fixed number of queries. */
export async function findFuzzyMatchesOf(db: DbOrTx, caseIds: string[]): Promise<Map<string, FuzzyMatch[]>> {
  const result = new Map<string, FuzzyMatch[]>(caseIds.map((id) => [id, []]));
  if (caseIds.length === 0) return result;
  const pairs = [...(await keyPairs(db, caseIds, ['name', 'email_local'])), ...(await resumePairs(db, caseIds))];
  if (pairs.length === 0) return result;
  const others = await db
    .select({ id: cases.id, reference: cases.reference, status: cases.status, claimedName: cases.claimedName })
    .from(cases)
    .where(anyOf(cases.id, [...new Set(pairs.map((p) => p.to))]));
  const byId = new Map(others.map((o) => [o.id, o]));
  for (const pair of pairs) {
    const other = byId.get(pair.to);
    if (other) result.get(pair.from)?.push({ ...pair, reference: other.reference, status: other.status, claimedName: other.claimedName });
  }
  for (const matches of result.values()) matches.sort((a, b) => a.reference.localeCompare(b.reference) || a.kind.localeCompare(b.kind));
  return result;
}
