// The evidence text of derived signals that summarize many matches in one line: what a
// reviewer reads in the risk explanation (which case, what matched, how similar).
import type { FuzzyKind, FuzzyMatch } from '@/lib/intel/fuzzy/fuzzy-matches';
import type { DerivedKind, DerivedSignal } from './risk';

/** At most this many references in one line; the rest are counted. */
const SHOWN = 5;

export function listReferences(references: string[]): string {
  const shown = references.slice(0, SHOWN).join(', ');
  return references.length > SHOWN ? `${shown} and ${references.length - SHOWN} more` : shown;
}

const percent = (similarity: number) => `${Math.round(similarity * 100)} %`;

/** Cases linked only by a weak identifier (an IP) or a value many hold (an agency's phone): one signal, whatever their number. */
export function weakLinkSignal(links: { reference: string; what: string[] }[]): DerivedSignal {
  const values = [...new Set(links.flatMap((l) => l.what))];
  return {
    kind: 'shared_network',
    detail: `Shares only widely shared values (${values.slice(0, 3).join(', ')}) with ${links.length} other case${links.length === 1 ? '' : 's'}: ${listReferences(links.map((l) => l.reference))}`,
  };
}

const FUZZY_SIGNAL: Record<FuzzyKind, DerivedKind> = {
  name: 'similar_name',
  email_local: 'reused_email_handle',
  resume: 'recycled_resume',
};

function describe(match: FuzzyMatch): string {
  switch (match.kind) {
    case 'name':
      return `${match.reference} ("${match.mine}" ~ "${match.theirs}", ${match.similarity === 1 ? 'same name' : `romanization variant, ${percent(match.similarity)} letter similarity`})`;
    case 'email_local':
      return `${match.reference} (${match.mine} ~ ${match.theirs})`;
    case 'resume':
      return `${match.reference} (${percent(match.similarity)} estimated overlap)`;
  }
}

const LEAD: Record<FuzzyKind, string> = {
  name: 'Name matches across spellings',
  email_local: 'Same email handle at another provider',
  resume: 'Résumé text is a near-duplicate of',
};

/** One signal per fuzzy kind, its matches most similar first. */
export function fuzzySignals(matches: FuzzyMatch[]): DerivedSignal[] {
  const signals: DerivedSignal[] = [];
  for (const kind of ['resume', 'email_local', 'name'] as const) {
    const ofKind = matches.filter((m) => m.kind === kind).sort((a, b) => b.similarity - a.similarity || a.reference.localeCompare(b.reference));
    if (ofKind.length === 0) continue;
    const shown = ofKind.slice(0, SHOWN).map(describe).join('; ');
    const more = ofKind.length > SHOWN ? ` and ${ofKind.length - SHOWN} more` : '';
    signals.push({ kind: FUZZY_SIGNAL[kind], detail: `${LEAD[kind]}: ${shown}${more}` });
  }
  return signals;
}
