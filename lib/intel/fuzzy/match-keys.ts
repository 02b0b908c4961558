// Keeps the fuzzy match keys (match_keys, resume_signatures) of cases in step with their
// names, emails and résumé text. Every step that changes a name or email calls
// indexForMatching (indexNewCases for cases it has just created, résumé text included: it only
// arrives with the applicant record) before it updates networks and scores, in the same
// transaction.
import { and, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/lib/db/client';
import { insertJsonRows } from '@/lib/db/json-insert';
import { cases, identifiers, interviewRounds, matchKeys, resumeSignatures } from '@/lib/db/schema';
import { holdersOfKeysMadeCommon, NO_HOLDER_CHANGES, type HolderChanges } from './common-keys';
import { emailLocalKey } from './email-local';
import { bandKeys, minhashSignature } from './minhash';
import { nameKeys } from './romanization';

type KeyRow = typeof matchKeys.$inferInsert;

/** The name and email-handle keys of one case, from everything it was called and wrote from. */
export function caseKeys(caseId: string, names: string[], emails: string[]): KeyRow[] {
  const rows = new Map<string, KeyRow>();
  const add = (kind: 'name' | 'email_local', key: string, shown: string) => rows.set(`${kind}\u0000${key}\u0000${shown}`, { caseId, kind, key, shown });
  for (const name of names) for (const key of nameKeys(name)) add('name', key, name);
  for (const email of emails) {
    const key = emailLocalKey(email);
    if (key) add('email_local', key, email);
  }
  return [...rows.values()];
}

/** Every name a case goes by: claimed, on the résumé, used in interviews, and name identifiers. */
export function namesOf(subject: { claimedName: string; resumeName: string }, interviewNames: string[], held: { kind: string; value: string }[]): string[] {
  return [subject.claimedName, subject.resumeName, ...interviewNames, ...held.filter((h) => h.kind === 'name').map((h) => h.value)];
}

/** The email identifiers of a case, as written. */
export function emailsOf(held: { kind: string; value: string }[]): string[] {
  return held.filter((h) => h.kind === 'email').map((h) => h.value);
}

/**
 * Recomputes the name and email keys of these cases (their résumé keys never change). Returns
 * what the other holders of keys these cases just made common need (their matches are gone):
 * the caller re-cuts `relink`'s networks and re-scores `rescore`.
 */
export async function indexForMatching(db: DbOrTx, caseIds: string[]): Promise<HolderChanges> {
  if (caseIds.length === 0) return NO_HOLDER_CHANGES;
  const subjects = await db.select({ id: cases.id, claimedName: cases.claimedName, resumeName: cases.resumeName }).from(cases).where(inArray(cases.id, caseIds));
  const rounds = await db.select({ caseId: interviewRounds.caseId, nameUsed: interviewRounds.nameUsed }).from(interviewRounds).where(inArray(interviewRounds.caseId, caseIds));
  const held = await db
    .select({ caseId: identifiers.caseId, kind: identifiers.kind, value: identifiers.value })
    .from(identifiers)
    .where(and(inArray(identifiers.caseId, caseIds), inArray(identifiers.kind, ['name', 'email'])));
  const rows = subjects.flatMap((subject) => {
    const own = held.filter((h) => h.caseId === subject.id);
    const interviewNames = rounds.filter((r) => r.caseId === subject.id).map((r) => r.nameUsed);
    return caseKeys(subject.id, namesOf(subject, interviewNames, own), emailsOf(own));
  });
  await db.delete(matchKeys).where(and(inArray(matchKeys.caseId, caseIds), inArray(matchKeys.kind, ['name', 'email_local'])));
  // Keeps each insert well under PostgreSQL's 65,535 bind parameters.
  for (let i = 0; i < rows.length; i += 5000) await db.insert(matchKeys).values(rows.slice(i, i + 5000)).onConflictDoNothing();
  return holdersOfKeysMadeCommon(db, caseIds);
}

/** Stores the MinHash signatures and LSH band keys of résumé texts (none for one too short). */
async function storeResumeKeys(db: DbOrTx, resumes: { caseId: string; text: string }[]): Promise<void> {
  const signatures = resumes.flatMap(({ caseId, text }) => {
    const signature = minhashSignature(text);
    return signature ? [{ caseId, signature }] : [];
  });
  await insertJsonRows(db, resumeSignatures, signatures);
  await insertJsonRows(
    db,
    matchKeys,
    signatures.flatMap(({ caseId, signature }) => bandKeys(signature).map((key) => ({ caseId, kind: 'resume_band' as const, key, shown: 'résumé text' }))),
  );
}

export interface NewCaseText {
  caseId: string;
  /** Every name the case was written under: claimed, on the résumé, used in interviews, name identifiers. */
  names: string[];
  /** The email identifiers as written. */
  emails: string[];
  resumeText?: string;
}

/**
 * The keys of cases created in this transaction, from the values just written: what
 * indexForMatching would store, and their résumé keys, without reading them back or deleting keys
 * that cannot exist yet. A few statements for any number of cases. Returns, like
 * indexForMatching, the other holders of keys these cases just made common.
 */
export async function indexNewCases(db: DbOrTx, subjects: NewCaseText[]): Promise<HolderChanges> {
  await insertJsonRows(db, matchKeys, subjects.flatMap((s) => caseKeys(s.caseId, s.names, s.emails)));
  await storeResumeKeys(
    db,
    subjects.flatMap((s) => (s.resumeText === undefined ? [] : [{ caseId: s.caseId, text: s.resumeText }])),
  );
  return holdersOfKeysMadeCommon(
    db,
    subjects.map((s) => s.caseId),
  );
}
