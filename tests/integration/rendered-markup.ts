// Renders a page of the app (an async server component) to HTML in-process, and finds the
// markup in it that a browser would run: the check behind "no stored script". React escapes
// text, so a stored "<script>" must come out as "&lt;script&gt;"; anything below appearing in
// the HTML came from data that reached the page unescaped (dangerouslySetInnerHTML, a link
// built from a stored value, an attribute spread from a record…).
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

const SCRIPTABLE_TAGS = /<(script|iframe|frame|object|embed|svg|math|img|image|video|audio|source|style|link|meta|base|template)\b/gi;
const EVENT_HANDLER = /<[^>]*\son[a-z]+\s*=/gi;
const URL_ATTRIBUTE = /\s(?:href|src|action|formaction|xlink:href|data)\s*=\s*"([^"]*)"/gi;
/** What React itself writes as the action of a form bound to a server function when rendered outside Next.js. */
const REACT_FORM_ACTION_PLACEHOLDER = /^javascript:throw new Error\('(A )?React form (was )?unexpectedly submitted\.'\)$/;

/** The one script React adds itself, outside Next.js, to replay forms submitted before hydration. */
const REACT_FORM_REPLAY_SCRIPT = /<script>addEventListener\("submit",[^<]*<\/script>/g;

export function scriptableMarkup(rendered: string): string[] {
  const html = rendered.replace(REACT_FORM_REPLAY_SCRIPT, '');
  const found = [...html.matchAll(SCRIPTABLE_TAGS)].map((m) => `tag <${m[1]}>`);
  found.push(...[...html.matchAll(EVENT_HANDLER)].map((m) => `event handler in ${m[0].slice(0, 80)}`));
  for (const [, url] of html.matchAll(URL_ATTRIBUTE)) {
    const target = url.replace(/&#x?[0-9a-f]+;|[\s\u0000-\u001f]/gi, '').toLowerCase();
    if (/^(javascript|vbscript|data):/.test(target) && !REACT_FORM_ACTION_PLACEHOLDER.test(url.replace(/&#x27;/g, "'"))) found.push(`URL ${url.slice(0, 80)}`);
  }
  return found;
}

/** The HTML of a server-component page, rendered with the props Next.js would pass. */
export async function renderPage<P>(page: (props: P) => Promise<ReactNode>, props: P): Promise<string> {
  return renderToStaticMarkup(await page(props));
}
