// The local part of an email, as a key that survives a change of provider:
// kim.hyunwoo88@gmail.com and kimhyunwoo88@proton.me share "kimhyunwoo88". Operators who
// need many mailboxes register the same handle at several providers; honest strangers rarely
// share a long, distinctive handle. Pure, no I/O.

/** Role and generic mailboxes, and first names: shared by unrelated people everywhere. */
const COMMON_LOCAL_PARTS = new Set([
  'info', 'admin', 'administrator', 'contact', 'hello', 'hi', 'mail', 'email', 'office', 'jobs', 'careers', 'career',
  'hr', 'recruiting', 'recruitment', 'talent', 'support', 'help', 'sales', 'team', 'noreply', 'no-reply', 'postmaster',
  'webmaster', 'hostmaster', 'billing', 'accounts', 'finance', 'me', 'test', 'user', 'applicant', 'candidate', 'resume',
  'developer', 'engineer', 'dev', 'work', 'personal', 'private', 'inbox', 'john', 'jane', 'james', 'michael', 'david',
  'maria', 'anna', 'alex', 'chris', 'daniel', 'robert', 'william', 'richard', 'thomas', 'mark', 'paul', 'peter',
]);

/**
 * Minimum length of a reusable handle. Six characters with a digit ("jkim88") or ten without
 * ("kimhyunwoo"): below that, handles like "jsmith" or "davidlee" collide between honest
 * strangers too often to mean anything. Measured informally on public name lists: a 10-letter
 * first+last concatenation is shared by few people; digits (birth years) make it rarer still.
 */
export const MIN_LOCAL_WITH_DIGIT = 6;
export const MIN_LOCAL_LETTERS_ONLY = 10;

/**
 * The provider-independent key of an email's local part, or null when the handle is too
 * common or too short to identify anyone. Case, dots, underscores, hyphens and a "+tag"
 * are dropped: providers and people vary them freely.
 */
export function emailLocalKey(email: string): string | null {
  const at = email.lastIndexOf('@');
  if (at <= 0) return null;
  const local = email.slice(0, at).toLowerCase().split('+')[0];
  if (COMMON_LOCAL_PARTS.has(local)) return null;
  const key = local.replace(/[._-]/g, '');
  if (COMMON_LOCAL_PARTS.has(key) || !/^[a-z0-9]+$/.test(key)) return null;
  const hasDigit = /\d/.test(key);
  const hasLetter = /[a-z]/.test(key);
  if (!hasLetter) return null; // a phone number or a student id: other kinds cover those
  if (hasDigit ? key.length < MIN_LOCAL_WITH_DIGIT : key.length < MIN_LOCAL_LETTERS_ONLY) return null;
  // "aaaaaaaa1", "asdfasdf": a handle of very few distinct characters is keyboard noise.
  if (new Set(key).size < 4) return null;
  return key;
}
