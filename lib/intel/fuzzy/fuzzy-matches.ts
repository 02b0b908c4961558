// Fuzzy matches between cases, found through the match_keys index (never a scan):
// names across romanizations, one email handle at several providers, recycled résumé text.
// Each match carries what matched and how similar it is, for the evidence a reviewer reads.
import { and, count, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/lib/db/client';
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

/** Name and email-handle matches of these cases: one row per (case, other case, kind), the most similar kept. */
async function keyPairs(db: DbOrTx, caseIds: string[], kinds: ('name' | 'email_local')[]): Promise<FuzzyPair[]> {
  const other = alias(matchKeys, 'other');
  // The holder count of each key, stopped at MAX_KEY_HOLDERS + 1 by the index-only LIMIT.
  const common = sql`(select count(*) from (select 1 from ${matchKeys} as holders where holders.kind = ${matchKeys.kind} and holders.key = ${matchKeys.key} limit ${MAX_KEY_HOLDERS + 1}) as capped) > ${MAX_KEY_HOLDERS}`;
  const rows = await db
    .select({ from: matchKeys.caseId, to: other.caseId, kind: matchKeys.kind, mine: matchKeys.shown, theirs: other.shown })
    .from(matchKeys)
    .innerJoin(other, and(eq(other.kind, matchKeys.kind), eq(other.key, matchKeys.key), ne(other.caseId, matchKeys.caseId)))
    .where(and(inArray(matchKeys.caseId, caseIds), inArray(matchKeys.kind, kinds), sql`not ${common}`));
  const best = new Map<string, FuzzyPair>();
  for (const row of rows) {
    if (row.kind === 'email_local') {
      // The very same mailbox is an exact shared identifier, counted as such elsewhere.
      const a = normalizeEmail(row.mine);
      const b = normalizeEmail(row.theirs);
      if (a.ok && b.ok && a.value === b.value) continue;
    }
    const kind = row.kind as 'name' | 'email_local';
    const similarity = kind === 'name' ? nameSimilarity(row.mine, row.theirs) : 1;
    const id = `${row.from}|${row.to}|${kind}`;
    const known = best.get(id);
    if (!known || similarity > known.similarity) best.set(id, { from: row.from, to: row.to, kind, mine: row.mine, theirs: row.theirs, similarity });
  }
  return [...best.values()];
}

/** Résumés of these cases that are near-duplicates of another case's (estimated Jaccard ≥ threshold). */
async function resumePairs(db: DbOrTx, caseIds: string[]): Promise<FuzzyPair[]> {
  const other = alias(matchKeys, 'other');
  const pairs: FuzzyPair[] = [];
  // Only cases with a résumé have band keys: one query finds them, then each is looked up.
  const withResume =
    caseIds.length === 0
      ? []
      : (await db.select({ caseId: resumeSignatures.caseId }).from(resumeSignatures).where(inArray(resumeSignatures.caseId, caseIds))).map((r) => r.caseId);
  for (const caseId of withResume) {
    const candidates = await db
      .select({ to: other.caseId, bands: count() })
      .from(matchKeys)
      .innerJoin(other, and(eq(other.kind, matchKeys.kind), eq(other.key, matchKeys.key), ne(other.caseId, matchKeys.caseId)))
      .where(and(eq(matchKeys.caseId, caseId), eq(matchKeys.kind, 'resume_band')))
      .groupBy(other.caseId)
      .orderBy(desc(count()))
      .limit(MAX_RESUME_CANDIDATES);
    if (candidates.length === 0) continue;
    const signatures = await db
      .select({ caseId: resumeSignatures.caseId, signature: resumeSignatures.signature })
      .from(resumeSignatures)
      .where(inArray(resumeSignatures.caseId, [caseId, ...candidates.map((c) => c.to)]));
    const mine = signatures.find((s) => s.caseId === caseId);
    if (!mine) continue;
    for (const theirs of signatures) {
      if (theirs.caseId === caseId) continue;
      const similarity = estimateJaccard(mine.signature, theirs.signature);
      if (similarity >= NEAR_DUPLICATE_JACCARD) pairs.push({ from: caseId, to: theirs.caseId, kind: 'resume', mine: 'résumé text', theirs: 'résumé text', similarity });
    }
  }
  return pairs;
}

/**
 * Fuzzy pairs strong enough to join networks: one distinctive email handle at two providers,
 * or one recycled résumé. Names never join networks (honest strangers share them).
 */
export async function fuzzyLinkPairs(db: DbOrTx, caseIds: string[]): Promise<FuzzyPair[]> {
  if (caseIds.length === 0) return [];
  return [...(await keyPairs(db, caseIds, ['email_local'])), ...(await resumePairs(db, caseIds))];
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

/** The same for many cases with a fixed number of queries (plus one per case holding a résumé). */
export async function findFuzzyMatchesOf(db: DbOrTx, caseIds: string[]): Promise<Map<string, FuzzyMatch[]>> {
  const result = new Map<string, FuzzyMatch[]>(caseIds.map((id) => [id, []]));
  if (caseIds.length === 0) return result;
  const pairs = [...(await keyPairs(db, caseIds, ['name', 'email_local'])), ...(await resumePairs(db, caseIds))];
  if (pairs.length === 0) return result;
  const others = await db
    .select({ id: cases.id, reference: cases.reference, status: cases.status, claimedName: cases.claimedName })
    .from(cases)
    .where(inArray(cases.id, [...new Set(pairs.map((p) => p.to))]));
  const byId = new Map(others.map((o) => [o.id, o]));
  for (const pair of pairs) {
    const other = byId.get(pair.to);
    if (other) result.get(pair.from)?.push({ ...pair, reference: other.reference, status: other.status, claimedName: other.claimedName });
  }
  for (const matches of result.values()) matches.sort((a, b) => a.reference.localeCompare(b.reference) || a.kind.localeCompare(b.kind));
  return result;
}
