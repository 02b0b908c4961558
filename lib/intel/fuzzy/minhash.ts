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
 * 42 bands of 3 rows (126 of the 128 values): two texts become candidates with probability
 * 1 − (1 − J³)⁴²: 94 % at Jaccard 0.4, 99.9 % at 0.6, 4 % at 0.1. Candidates are then checked
 * on the full signature.
 */
export const BANDS = 42;
export const ROWS_PER_BAND = 3;
/**
 * Estimated Jaccard similarity of word 5-gram sets at or above which two résumés count as
 * one recycled text. A 5-gram survives an edit only if none of its five words changed, so a
 * résumé with 10 % of its words edited (name, employers, dates, figures) keeps about
 * 0.9⁵ ≈ 59 % of its shingles: Jaccard ≈ 0.42. Independently written résumés share few
 * 5-word runs: below 0.1 in practice, below 0.25 even when drawn from one shared pool of
 * template sentences (the detection corpus). 0.4 sits between the two.
 */
export const NEAR_DUPLICATE_JACCARD = 0.4;
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
