// A note's body rendered as Markdown, safely, on the server. react-markdown builds React
// elements from the syntax tree and never passes raw HTML through (an HTML tag in a note
// shows as text), so React's escaping still applies to every string. Links keep only http,
// https and mailto targets (lib/notes/safe-url.ts) and open with rel="noopener noreferrer
// nofollow"; images are not loaded (a remote image would tell its owner who read the note)
// and show their alt text instead.
import Markdown, { type Components } from 'react-markdown';
import { safeLinkUrl } from '@/lib/notes/safe-url';

const components: Components = {
  a: ({ href, children }) =>
    href ? (
      <a href={href} rel="noopener noreferrer nofollow" target="_blank">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  img: ({ alt }) => <span className="muted">[image: {alt || 'no description'}]</span>,
};

export function NoteBody({ markdown }: { markdown: string }) {
  return (
    <div className="note-body">
      <Markdown urlTransform={(url) => safeLinkUrl(url) ?? ''} components={components}>
        {markdown}
      </Markdown>
    </div>
  );
}
