// The shared identifiers and fuzzy matches of cases, each case looked up at most once per
// step. Updating networks looks up the fuzzy links of the cases it walks; re-scoring then
// looks up the subjects' links to find who else to re-score, and derives everyone's signals
// from the same links: with this memo no case is looked up twice. Valid only while no
// identifier, match key or case status is written in between (network ids may be), so it is
// made per step and never kept.
import type { DbOrTx } from '@/lib/db/client';
import { findFuzzyMatchesOf, type FuzzyMatch } from './fuzzy/fuzzy-matches';
import { findSharedIdentifiersOf, type SharedIdentifier } from './matching';

export type SharedRow = SharedIdentifier & { subjectId: string };

export class LinkLookups {
  private readonly shared = new Map<string, SharedRow[]>();
  private readonly fuzzy = new Map<string, FuzzyMatch[]>();

  constructor(private readonly db: DbOrTx) {}

  /** Every other case sharing a normalized identifier with each of these (findSharedIdentifiersOf's rows, by subject). */
  async sharedOf(caseIds: string[]): Promise<Map<string, SharedRow[]>> {
    const missing = [...new Set(caseIds.filter((id) => !this.shared.has(id)))];
    if (missing.length > 0) {
      for (const id of missing) this.shared.set(id, []);
      for (const row of await findSharedIdentifiersOf(this.db, missing)) this.shared.get(row.subjectId)!.push(row);
    }
    return new Map(caseIds.map((id) => [id, this.shared.get(id)!]));
  }

  /** The fuzzy matches of each of these cases (findFuzzyMatchesOf). */
  async fuzzyOf(caseIds: string[]): Promise<Map<string, FuzzyMatch[]>> {
    const missing = [...new Set(caseIds.filter((id) => !this.fuzzy.has(id)))];
    if (missing.length > 0) for (const [id, matches] of await findFuzzyMatchesOf(this.db, missing)) this.fuzzy.set(id, matches);
    return new Map(caseIds.map((id) => [id, this.fuzzy.get(id)!]));
  }
}
