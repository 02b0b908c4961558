// Name keys that survive romanization: "Kim Hyun-woo", "Hyunwoo Kim", "Gim Hyeon U" and
// "김현우" all get the key "kim|hyunu". Korean names reach an ATS through at least four
// romanization systems (Revised Romanization, McCune–Reischauer with its breves dropped,
// passport spellings chosen by the holder, and ad-hoc English spellings), so a person who
// re-applies under a "different" spelling stays findable. Pure, no I/O.
//
// Keys are for candidate lookup in an index (lib/intel/fuzzy/match-keys.ts), not proof: two
// honest strangers share "Kim Min-jun" all the time, which is why a name match scores low
// and never links networks.
import anyAscii from 'any-ascii';
import { distance } from 'fastest-levenshtein';
import { foldName } from '@/lib/intel/normalize';

/**
 * The common Korean surnames and their romanizations, each row one surname (Hangul first):
 * Revised Romanization, McCune–Reischauer without breves, and the spellings people pick for
 * passports. The first Latin spelling is the key. Sources: the National Institute of Korean
 * Language's romanization tables and the 2015 census's most frequent surnames.
 */
export const KOREAN_SURNAMES: readonly (readonly string[])[] = [
  ['김', 'kim', 'gim', 'ghim', 'kym'],
  ['이', 'lee', 'yi', 'rhee', 'ri', 'rhie', 'yee', 'reigh', 'li', 'i'],
  ['박', 'park', 'pak', 'bak', 'bahk', 'pahk', 'paik'],
  ['최', 'choi', 'choe', 'chwe', 'choy', 'chey'],
  ['정', 'jung', 'jeong', 'chung', 'cheong', 'joung', 'jong', 'chong'],
  ['강', 'kang', 'gang', 'kahng'],
  ['조', 'cho', 'jo', 'joe', 'choh'],
  ['윤', 'yoon', 'yun', 'youn'],
  ['장', 'jang', 'chang', 'zang'],
  ['임', 'lim', 'im', 'rim', 'yim', 'leem'],
  ['한', 'han', 'hahn'],
  ['오', 'oh', 'o', 'oe'],
  ['서', 'seo', 'suh', 'so', 'seoh', 'sur'],
  ['신', 'shin', 'sin', 'shinn'],
  ['권', 'kwon', 'gwon', 'kweon', 'kwun'],
  ['황', 'hwang', 'whang'],
  ['안', 'ahn', 'an'],
  ['송', 'song', 'soung'],
  ['전', 'jeon', 'jun', 'chun', 'chon', 'jeun'],
  ['홍', 'hong'],
  ['유', 'yoo', 'yu', 'you'],
  ['류', 'ryu', 'ryoo', 'rhyu', 'yoo'],
  ['고', 'ko', 'go', 'koh'],
  ['문', 'moon', 'mun', 'moun'],
  ['양', 'yang', 'ryang'],
  ['손', 'son', 'sohn'],
  ['배', 'bae', 'pae', 'bai'],
  ['백', 'baek', 'paek', 'baik', 'back'],
  ['허', 'heo', 'hur', 'huh', 'her'],
  ['남', 'nam'],
  ['노', 'noh', 'no', 'roh', 'ro'],
  ['하', 'ha', 'hah'],
  ['곽', 'kwak', 'gwak'],
  ['성', 'sung', 'seong', 'song'],
  ['차', 'cha'],
  ['주', 'joo', 'ju', 'chu'],
  ['우', 'woo', 'wu', 'u'],
  ['민', 'min'],
  ['구', 'koo', 'ku', 'gu'],
  ['나', 'na', 'ra'],
  ['진', 'jin', 'chin'],
  ['지', 'ji', 'chi'],
  ['엄', 'um', 'eom', 'uhm'],
  ['채', 'chae', 'chai'],
  ['원', 'won', 'weon'],
  ['천', 'cheon', 'chun', 'chon'],
  ['방', 'bang', 'pang'],
  ['공', 'kong', 'gong'],
  ['현', 'hyun', 'hyeon', 'hyon'],
  ['함', 'ham', 'hahm'],
  ['변', 'byun', 'byeon', 'pyon'],
  ['염', 'yeom', 'yum', 'youm'],
  ['여', 'yeo', 'yuh', 'yo'],
  ['추', 'choo', 'chu'],
  ['도', 'do', 'doh', 'toh'],
  ['소', 'so', 'soh'],
  ['석', 'seok', 'suk', 'sok'],
  ['선', 'sun', 'seon', 'sen'],
  ['설', 'seol', 'sul', 'sol'],
  ['마', 'ma'],
  ['길', 'gil', 'kil'],
  ['연', 'yeon', 'yun', 'yon'],
  ['위', 'wi', 'wee'],
  ['표', 'pyo', 'pyoh'],
  ['명', 'myung', 'myeong', 'myong'],
  ['기', 'ki', 'gi'],
  ['반', 'ban', 'pan'],
  ['왕', 'wang'],
  ['금', 'keum', 'geum', 'kum'],
  ['옥', 'ok', 'ohk'],
  ['육', 'yook', 'yuk', 'yook'],
  ['인', 'in'],
  ['맹', 'maeng', 'meng'],
  ['제', 'je', 'jae'],
  ['탁', 'tak', 'tahk'],
];

/** Latin spelling → the surname keys it may stand for (Yu and Yoo are both 유 and 류). */
const SURNAME_KEYS = new Map<string, string[]>();
for (const row of KOREAN_SURNAMES) {
  const [, key, ...variants] = row;
  for (const spelling of [key, ...variants]) SURNAME_KEYS.set(spelling, [...(SURNAME_KEYS.get(spelling) ?? []), key]);
}
const HANGUL = /[\uac00-\ud7a3]/;

/**
 * Latin tokens of a name. Hangul is romanized syllable by syllable (any-ascii follows the
 * Revised Romanization), so a Hangul name written without spaces (김현우) becomes three
 * tokens, its surname first as in Korean order.
 */
export function nameTokens(raw: string): string[] {
  const spaced = [...raw.normalize('NFC')].map((ch) => (HANGUL.test(ch) ? ` ${anyAscii(ch)} ` : ch)).join('');
  return foldName(anyAscii(spaced)).split(' ').filter(Boolean);
}

/**
 * A spelling-insensitive skeleton of given-name syllables: "Hyun-woo", "Hyunwoo", "Hyeon U"
 * and "Hyŏn-u" all become "hyunu". The rules fold the choices romanization systems make
 * differently: vowel digraphs (eo/eu/oo → u, ae → e, ee → i), the w-glide before u, voiced
 * and unvoiced consonants (g/k, d/t, b/p, j/ch), r/l, a silent h after a vowel (Ahn), and
 * doubled letters. It is deliberately coarse: the key finds candidates, it proves nothing.
 */
export function syllableSkeleton(token: string): string {
  return token
    .replace(/[^a-z0-9]/g, '')
    .replace(/woo|wu/g, 'u')
    .replace(/eo|eu|oo|ou|o/g, 'u')
    .replace(/ae|ai/g, 'e')
    .replace(/ee|ie/g, 'i')
    .replace(/tch|ch|zh|z/g, 'j')
    .replace(/sh/g, 's')
    .replace(/ph/g, 'p')
    .replace(/g|c|q/g, 'k')
    .replace(/d/g, 't')
    .replace(/b/g, 'p')
    .replace(/r/g, 'l')
    .replace(/([aeiuy])h(?![aeiuy])/g, '$1')
    .replace(/(.)\1+/g, '$1');
}

/**
 * The index keys of a name, one per plausible reading:
 * - a Korean surname first or last (either order): `surname|given skeleton`;
 * - otherwise the sorted skeletons of the tokens, so token order does not matter.
 * A single token is no key: one word matches far too many people.
 */
export function nameKeys(raw: string): string[] {
  const tokens = nameTokens(raw);
  if (tokens.length < 2) return [];
  const keys = new Set<string>();
  const positions = [0, tokens.length - 1];
  for (const position of positions) {
    for (const surname of SURNAME_KEYS.get(tokens[position]) ?? []) {
      const given = tokens.filter((_, i) => i !== position).map(syllableSkeleton).join('');
      if (given) keys.add(`${surname}|${given}`);
    }
  }
  if (keys.size === 0) keys.add(tokens.map(syllableSkeleton).sort().join(' '));
  return [...keys];
}

/**
 * One name written two ways: same letters in another order ("Smith, John"), or the same
 * romanization key ("Kim Hyun-woo" / "Hyeon U Gim"). Used so that a résumé spelled in one
 * romanization and an interview in another is not a "name mismatch": flagging that would
 * fall on Korean applicants for the way their names are transliterated, not for anything
 * they did.
 */
export function sameNameAcrossSpellings(a: string, b: string): boolean {
  const left = nameTokens(a);
  const right = nameTokens(b);
  if (left.length > 0 && [...left].sort().join(' ') === [...right].sort().join(' ')) return true;
  const keys = new Set(nameKeys(a));
  return nameKeys(b).some((key) => keys.has(key));
}

/**
 * How alike two names look once folded (0–1, token order ignored): reported as evidence so
 * a reviewer sees whether it was the same spelling or only the same sound.
 */
export function nameSimilarity(a: string, b: string): number {
  const left = nameTokens(a).sort().join(' ');
  const right = nameTokens(b).sort().join(' ');
  const longest = Math.max(left.length, right.length);
  return longest === 0 ? 0 : 1 - distance(left, right) / longest;
}
