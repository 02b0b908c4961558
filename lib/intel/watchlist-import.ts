// Importing a file into the watchlist: a CSV (all-or-nothing, every bad row named) or a STIX
// 2.1 bundle (per indicator: the ones understood are added, the others listed with why). A
// .json file, or one that starts with "{", is read as STIX. Either way the new block entries
// re-match the cases at once, and the message says how many open cases they newly hit.
import { ActionRefused } from '@/lib/actions/errors';
import type { StepResult } from '@/lib/actions/authorized-action';
import type { SessionUser } from '@/lib/auth/session';
import type { Transaction } from '@/lib/db/client';
import { readBundle } from './stix/import';
import { readWatchlistCsv } from './watchlist-csv';
import { addEntries, newlyHitMessage } from './watchlist-commands';
import type { NewWatchlistEntry } from './watchlist';
import type { ImportWatchlistFileInput } from './watchlist-validators';

/** How many row errors the form lists before "and N more". */
const SHOWN_ERRORS = 50;

function capped(lines: string[]): string[] {
  return lines.length <= SHOWN_ERRORS ? lines : [...lines.slice(0, SHOWN_ERRORS), `… and ${lines.length - SHOWN_ERRORS} more.`];
}

export function isStixFile(name: string, text: string): boolean {
  return /\.json$/i.test(name) || text.trimStart().startsWith('{');
}

export async function importWatchlistFile(tx: Transaction, actor: Pick<SessionUser, 'id'>, input: ImportWatchlistFileInput): Promise<StepResult> {
  const text = await input.file.text();
  const format = isStixFile(input.file.name, text) ? 'stix' : 'csv';
  let entries: NewWatchlistEntry[];
  let skipped: string[] = [];
  if (format === 'csv') {
    const read = readWatchlistCsv(text);
    if (!read.ok) {
      throw new ActionRefused(`Nothing was imported: ${read.errors.length} problem${read.errors.length === 1 ? '' : 's'} to fix first.`, { file: capped(read.errors) });
    }
    entries = read.entries.map(({ row: _row, ...entry }) => ({ ...entry, addedById: actor.id }));
  } else {
    const read = readBundle(text);
    if (!read.ok) throw new ActionRefused(read.error, { file: [read.error] });
    entries = read.accepted.map(({ stixId: _id, ...entry }) => ({ ...entry, list: 'block' as const, addedById: actor.id }));
    skipped = read.skipped.map((s) => `Skipped ${s.stixId}: ${s.reason}.`);
    if (entries.length === 0) {
      throw new ActionRefused('No indicator in this bundle could be imported.', { file: capped(skipped.length > 0 ? skipped : ['The bundle has no indicators.']) });
    }
  }
  const result = await addEntries(tx, entries);
  const already = entries.length - result.added;
  const message = [
    `Imported ${result.added} new entr${result.added === 1 ? 'y' : 'ies'} from ${format === 'csv' ? 'CSV' : 'STIX'}`,
    already > 0 ? ` (${already} already listed)` : '',
    skipped.length > 0 ? `, skipped ${skipped.length} indicator${skipped.length === 1 ? '' : 's'}` : '',
    `. ${newlyHitMessage(result)}`,
  ].join('');
  return {
    message,
    details: capped(skipped),
    audit: {
      action: 'watchlist.imported',
      targetType: 'watchlist',
      targetId: input.file.name.slice(0, 200) || 'upload',
      after: { format, rows: entries.length, added: result.added, alreadyListed: already, skipped: skipped.length, openCasesNewlyHit: result.openCasesNewlyHit },
    },
    revalidate: ['/watchlist', '/cases', '/network'],
  };
}
