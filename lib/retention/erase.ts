// Erasure of one cleared applicant's personal data, inside the caller's transaction. What
// identifies or describes the person goes: identifiers (deleted), names (replaced by
// "Erased HW-…"), free text (notes, interview notes, proofing notes, indicator evidence,
// decision rationales: emptied), evidence files (rows deleted, bytes removed after commit
// when no other case holds the same file) and watchlist entries taken from the case. What
// the aggregates count stays: the case row with its region, role, source, status and dates,
// the indicator codes, interview kinds/outcomes/observations, proofing results, decisions'
// outcomes and times, and the risk score as it stood (derived signals keep their kind, not
// their detail, which named values and people).
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { AuditInput } from '@/lib/audit/log';
import type { Transaction } from '@/lib/db/client';
import { attachments, caseIndicators, caseResumes, cases, matchKeys, resumeSignatures, decisions, identifiers, interviewRounds, notes, proofingChecks, watchlist, type Case } from '@/lib/db/schema';
import type { RiskContribution } from '@/lib/cases/risk';
import { refreshRisk } from '@/lib/cases/refresh-risk';
import { holdersOfKeysMadeRareWithout } from '@/lib/intel/fuzzy/common-keys';
import { findFuzzyMatches } from '@/lib/intel/fuzzy/fuzzy-matches';
import { findSharedIdentifiers } from '@/lib/intel/matching';
import { updateNetworks } from '@/lib/intel/networks';

export const ERASED_TEXT = '[erased under the retention policy]';

export function erasedName(reference: string): string {
  return `Erased ${reference}`;
}

/** Keeps each contribution's kind and points; a derived signal's label named people and values. */
export function scrubExplanation(explanation: RiskContribution[]): RiskContribution[] {
  return explanation.map((c) => (c.source === 'derived' ? { ...c, label: `Derived signal: ${c.code.replaceAll('_', ' ')} (details erased)` } : c));
}

export interface Erasure {
  audit: AuditInput;
  /** Evidence files no longer referenced by any case once this commits. */
  orphanedFiles: string[];
}

export async function eraseCase(tx: Transaction, subject: Case, policy: { retentionDays: number }): Promise<Erasure> {
  const caseId = subject.id;
  // Cases linked through this one's identifiers lose the link: rescore them afterwards. So do
  // the cases it matched fuzzily (their evidence quotes its name, handle or résumé match), and
  // the holders of a name or handle that only this case made too common to count.
  const linked = (await findSharedIdentifiers(tx, caseId)).map((l) => l.caseId);
  const matched = (await findFuzzyMatches(tx, caseId)).map((m) => m.to);
  const madeRare = await holdersOfKeysMadeRareWithout(tx, caseId);
  const name = erasedName(subject.reference);

  const removedIdentifiers = await tx.delete(identifiers).where(eq(identifiers.caseId, caseId)).returning({ id: identifiers.id });
  const removedNotes = await tx.delete(notes).where(eq(notes.caseId, caseId)).returning({ id: notes.id });
  await tx.delete(caseResumes).where(eq(caseResumes.caseId, caseId));
  // Keys derived from the names, email handles and résumé: personal data too, and links.
  await tx.delete(matchKeys).where(eq(matchKeys.caseId, caseId));
  await tx.delete(resumeSignatures).where(eq(resumeSignatures.caseId, caseId));
  const removedFiles = await tx.delete(attachments).where(eq(attachments.caseId, caseId)).returning({ sha256: attachments.sha256 });
  const removedWatchlist = await tx.delete(watchlist).where(eq(watchlist.sourceCaseId, caseId)).returning({ id: watchlist.id });
  await tx.update(caseIndicators).set({ evidence: ERASED_TEXT }).where(eq(caseIndicators.caseId, caseId));
  await tx.update(interviewRounds).set({ nameUsed: name, notes: '' }).where(eq(interviewRounds.caseId, caseId));
  await tx.update(proofingChecks).set({ note: '' }).where(eq(proofingChecks.caseId, caseId));
  for (const decision of await tx.select({ id: decisions.id, riskExplanation: decisions.riskExplanation }).from(decisions).where(eq(decisions.caseId, caseId))) {
    await tx.update(decisions).set({ rationale: ERASED_TEXT, riskExplanation: scrubExplanation(decision.riskExplanation) }).where(eq(decisions.id, decision.id));
  }
  const now = new Date();
  await tx
    .update(cases)
    .set({ claimedName: name, resumeName: name, riskExplanation: scrubExplanation(subject.riskExplanation), erasedAt: now, updatedAt: now, version: sql`${cases.version} + 1` })
    .where(eq(cases.id, caseId));

  // Without its identifiers the case leaves its network (which may split) and its links; a
  // handle that matches again may join networks.
  const networks = await updateNetworks(tx, [caseId, ...madeRare.relink]);
  const others = [...new Set([...linked, ...matched, ...madeRare.rescore, ...networks.affected])].filter((id) => id !== caseId);
  if (others.length > 0) await refreshRisk(tx, others);

  const hashes = [...new Set(removedFiles.map((f) => f.sha256))];
  const stillUsed = hashes.length
    ? new Set((await tx.select({ sha256: attachments.sha256 }).from(attachments).where(and(inArray(attachments.sha256, hashes), ne(attachments.caseId, caseId)))).map((r) => r.sha256))
    : new Set<string>();

  return {
    orphanedFiles: hashes.filter((h) => !stillUsed.has(h)),
    // Counts and dates only: the entry must not record again what was just erased.
    audit: {
      action: 'case.erased',
      targetType: 'case',
      targetId: subject.reference,
      caseId,
      after: {
        reason: 'retention',
        retentionDays: policy.retentionDays,
        decidedAt: subject.decidedAt?.toISOString() ?? null,
        removed: { identifiers: removedIdentifiers.length, notes: removedNotes.length, attachments: removedFiles.length, watchlistEntries: removedWatchlist.length },
      },
    },
  };
}
