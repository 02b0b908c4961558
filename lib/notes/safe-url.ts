// Which link targets a note may carry: http, https and mailto only. Everything else
// (javascript:, data:, vbscript:, file:, protocol-relative //host, and any scheme hidden
// behind entities, control characters or mixed case) becomes no link at all. The Markdown
// parser has already decoded character references when this runs, so `&#106;avascript:`
// arrives here as `javascript:`; URL parsing then strips tabs and newlines the same way a
// browser does before it looks at the scheme.
const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

export function safeLinkUrl(url: string): string | null {
  const trimmed = url.trim();
  if (trimmed === '') return null;
  let parsed: URL;
  try {
    // A relative URL ("notes/x", "#a") resolves against a placeholder origin of our own and
    // is refused below: notes link out, never into the app.
    parsed = new URL(trimmed, 'relative://invalid/');
  } catch {
    return null;
  }
  if (!ALLOWED_PROTOCOLS.has(parsed.protocol)) return null;
  return parsed.href;
}
