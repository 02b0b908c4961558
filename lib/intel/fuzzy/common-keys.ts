// A name or email handle held by more than MAX_KEY_HOLDERS cases is common: it neither
// scores nor links (fuzzy-matches.ts). So when new keys push one over that line, the cases
// that held it before lose the matches it gave them: they must be re-scored, and their
// networks re-cut when the key was a handle. Whether the holders arrive one by one or in one
// chunk of an import, the outcome is then the same.
import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { anyOf } from '@/lib/db/any-of';
import { rowsOf, type DbOrTx } from '@/lib/db/client';
import { matchKeys } from '@/lib/db/schema';
import { MAX_KEY_HOLDERS } from './fuzzy-matches';

interface KeyHolder {
  /** A case that held the key before. */
  caseId: string;
  kind: 'name' | 'email_local';
}

/**
 * The cases whose matches moved when keys became common (or rare again), and what each
 * needs. Returned as one value so that no caller can take one half and forget the other.
 */
export interface HolderChanges {
  /** Holders of a handle (it linked them): their networks must be re-cut. */
  readonly relink: readonly string[];
  /** Every holder (a name or handle gave them matches): to re-score. */
  readonly rescore: readonly string[];
}

export const NO_HOLDER_CHANGES: HolderChanges = Object.freeze({ relink: Object.freeze([]), rescore: Object.freeze([]) });

function changesOf(holders: KeyHolder[]): HolderChanges {
  return {
    relink: [...new Set(holders.filter((h) => h.kind === 'email_local').map((h) => h.caseId))],
    rescore: [...new Set(holders.map((h) => h.caseId))],
  };
}

/**
 * The other holders of the name and handle keys of `caseIds` that these cases made common:
 * held (counting key rows, as the matching does) by at most MAX_KEY_HOLDERS without them and
 * by more with them, as the networks to re-cut and the cases to re-score. A key that was
 * common already changed nothing, and is not expanded.
 */
export async function holdersOfKeysMadeCommon(db: DbOrTx, caseIds: string[]): Promise<HolderChanges> {
  if (caseIds.length === 0) return NO_HOLDER_CHANGES;
  const held = alias(matchKeys, 'held');
  // First the keys of these cases that are common now (a capped count by index, per key):
  // usually none, and only those can have crossed the line.
  const common = rowsOf<{ kind: 'name' | 'email_local'; key: string }>(
    await db.execute(sql`
      select mine.kind as "kind", mine.key as "key"
      from (
        select distinct ${matchKeys.kind} as kind, ${matchKeys.key} as key from ${matchKeys}
        where ${anyOf(matchKeys.caseId, caseIds)} and ${matchKeys.kind} in ('name', 'email_local')) as mine
      cross join lateral (
        select count(*) as total from (
          select 1 from ${matchKeys} as ${held} where ${held.kind} = mine.kind and ${held.key} = mine.key limit ${MAX_KEY_HOLDERS + 1}) as capped) as counted
      where counted.total > ${MAX_KEY_HOLDERS}`),
  );
  if (common.length === 0) return NO_HOLDER_CHANGES;
  // Of those, the ones these cases made common: held by at most MAX_KEY_HOLDERS without them.
  // Their earlier holders (at most MAX_KEY_HOLDERS a key) lost the matches the key gave them.
  const holders = rowsOf<KeyHolder & { key: string }>(
    await db.execute(sql`
      select holder.case_id as "caseId", k.kind as "kind", k.key as "key"
      from json_to_recordset(${JSON.stringify(common)}::json) as k(kind text, key text)
      cross join lateral (
        select ${held.caseId} as case_id from ${matchKeys} as ${held}
        where ${held.kind} = k.kind and ${held.key} = k.key and not ${anyOf(held.caseId, caseIds)}
        limit ${MAX_KEY_HOLDERS + 1}) as holder`),
  );
  const before = new Map<string, KeyHolder[]>();
  for (const h of holders) {
    const key = `${h.kind}\u0000${h.key}`;
    before.set(key, [...(before.get(key) ?? []), { caseId: h.caseId, kind: h.kind }]);
  }
  return changesOf([...before.values()].filter((rows) => rows.length <= MAX_KEY_HOLDERS).flat());
}

/**
 * The reverse, for a case about to lose its keys (erasure): the other holders of its name and
 * handle keys that are common only because of it (more than MAX_KEY_HOLDERS key rows now, at
 * most MAX_KEY_HOLDERS without its own). Once its keys are gone the key matches again for them.
 */
export async function holdersOfKeysMadeRareWithout(db: DbOrTx, caseId: string): Promise<HolderChanges> {
  const held = alias(matchKeys, 'held');
  const holders = rowsOf<KeyHolder>(
    await db.execute(sql`
      select distinct holder.case_id as "caseId", mine.kind as "kind"
      from (
        select ${matchKeys.kind} as kind, ${matchKeys.key} as key, count(*) as own from ${matchKeys}
        where ${matchKeys.caseId} = ${caseId} and ${matchKeys.kind} in ('name', 'email_local')
        group by 1, 2) as mine
      cross join lateral (
        select count(*) as total from (
          select 1 from ${matchKeys} as ${held} where ${held.kind} = mine.kind and ${held.key} = mine.key limit ${MAX_KEY_HOLDERS + 1} + mine.own) as capped) as counted
      cross join lateral (
        select ${held.caseId} as case_id from ${matchKeys} as ${held}
        where ${held.kind} = mine.kind and ${held.key} = mine.key and ${held.caseId} <> ${caseId}
        limit ${MAX_KEY_HOLDERS}) as holder
      where counted.total > ${MAX_KEY_HOLDERS} and counted.total - mine.own <= ${MAX_KEY_HOLDERS}`),
  );
  return changesOf(holders);
}
