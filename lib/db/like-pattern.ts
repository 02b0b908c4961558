/** Text with the LIKE wildcards (and the escape character) taken literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A user's text inside an ILIKE "contains" pattern, with its wildcards taken literally. */
export function likePattern(text: string): string {
  return `%${escapeLike(text)}%`;
}
