// Near-duplicate text (recycled résumés) by MinHash over word 5-gram shingles, with LSH
// bands to find candidates through an index instead of comparing against every case.
// Deterministic: the permutations come from a fixed seed, so a signature stored today is
// comparable with one computed next year, on any instance. Pure, no I/O.
//
// No npm MinHash package was fit: the maintained ones are Python; the JavaScript "minhash"
// draws its permutations from Math.random, so stored signatures would not compare.

export const SHINGLE_WORDS = 5;
export const PERMUTATIONS = 128;
/**
 * 32 bands of 4 rows: two texts become candidates with probability 1 − (1 − J⁴)³²: 99 % at
 * Jaccard 0.6, 23 % at 0.3, 0.3 % at 0.1. Candidates are then checked on the full signature.
 */
export const BANDS = 32;
export const ROWS_PER_BAND = PERMUTATIONS / BANDS;
/**
 * Estimated Jaccard similarity of word 5-gram sets at or above which two résumés count as
 * one recycled text. Independently written résumés, even from one template or one
 * bootcamp, share few 5-word runs (measured below 0.2 in the tests' corpus); a recycled one
 * with the name, contacts, a few employers and dates edited keeps well above 0.6.
 */
export const NEAR_DUPLICATE_JACCARD = 0.6;
/** Shorter texts carry too few shingles for a meaningful estimate. */
export const MIN_SHINGLES = 20;

/** FNV-1a, 32-bit: a fast, stable hash of a shingle. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Fixed (a, b) pairs of the hash family h(x) = (a·x + b) mod 2³², from a seeded xorshift. */
const COEFFICIENTS: [number, number][] = (() => {
  let state = 0x9e3779b9;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
  return Array.from({ length: PERMUTATIONS }, () => [next() | 1, next()] as [number, number]);
})();

/** Lower-cased words, punctuation dropped: formatting edits do not change the shingles. */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export function shingles(text: string): Set<number> {
  const tokens = words(text);
  const set = new Set<number>();
  for (let i = 0; i + SHINGLE_WORDS <= tokens.length; i++) set.add(fnv1a(tokens.slice(i, i + SHINGLE_WORDS).join(' ')));
  return set;
}

/** The MinHash signature, or null when the text is too short to compare. */
export function minhashSignature(text: string): number[] | null {
  const set = shingles(text);
  if (set.size < MIN_SHINGLES) return null;
  const signature = new Array<number>(PERMUTATIONS).fill(0xffffffff);
  for (const shingle of set) {
    for (let p = 0; p < PERMUTATIONS; p++) {
      const [a, b] = COEFFICIENTS[p];
      const value = (Math.imul(a, shingle) + b) >>> 0;
      if (value < signature[p]) signature[p] = value;
    }
  }
  // Stored in an int4[] column: keep the 32 bits, signed.
  return signature.map((v) => v | 0);
}

/** Fraction of equal positions: an unbiased estimate of the Jaccard similarity. */
export function estimateJaccard(a: readonly number[], b: readonly number[]): number {
  let equal = 0;
  for (let i = 0; i < PERMUTATIONS; i++) if (a[i] === b[i]) equal++;
  return equal / PERMUTATIONS;
}

/** One index key per band: texts sharing any key are candidates. */
export function bandKeys(signature: readonly number[]): string[] {
  const keys: string[] = [];
  for (let band = 0; band < BANDS; band++) {
    const rows = signature.slice(band * ROWS_PER_BAND, (band + 1) * ROWS_PER_BAND);
    keys.push(`${band}:${fnv1a(rows.join(',')).toString(36)}`);
  }
  return keys;
}

/** Exact Jaccard of two texts' shingle sets: for tests and for checking the estimate. */
export function exactJaccard(a: string, b: string): number {
  const left = shingles(a);
  const right = shingles(b);
  let shared = 0;
  for (const s of left) if (right.has(s)) shared++;
  const union = left.size + right.size - shared;
  return union === 0 ? 0 : shared / union;
}
