// The XSS corpus for note bodies: whatever an applicant or a careless paste puts in a note,
// the rendered HTML holds only harmless elements, no event handler, no style, and links
// whose target is http, https or mailto. The check reads every tag React emitted (text is
// escaped, so a "<script>" typed in a note appears as &lt;script&gt;, which is fine).
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { NoteBody } from './note-body';

const render = (markdown: string) => renderToStaticMarkup(createElement(NoteBody, { markdown }));

const SAFE_TAGS = new Set(['div', 'p', 'a', 'span', 'em', 'strong', 'code', 'pre', 'ul', 'ol', 'li', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'br', 'del']);
const SAFE_ATTRIBUTES = new Set(['href', 'rel', 'target', 'class', 'start']);

/** Every problem found in the markup: unsafe tags, attributes or link targets. */
function unsafeParts(html: string): string[] {
  const problems: string[] = [];
  for (const [, tag, attributes] of html.matchAll(/<\/?([a-zA-Z0-9]+)([^>]*)>/g)) {
    if (!SAFE_TAGS.has(tag.toLowerCase())) problems.push(`tag <${tag}>`);
    for (const [, name, value] of attributes.matchAll(/\s([^\s=]+)(?:="([^"]*)")?/g)) {
      if (!SAFE_ATTRIBUTES.has(name.toLowerCase())) problems.push(`attribute ${name} on <${tag}>`);
      if (name === 'href' && !/^(https?:\/\/|mailto:)/.test(value ?? '')) problems.push(`href ${value}`);
    }
  }
  return problems;
}

const CORPUS: [string, string][] = [
  ['script tag', '<script>alert(document.cookie)</script>'],
  ['script split across lines', '<scr\nipt>alert(1)</script>'],
  ['img onerror', '<img src=x onerror=alert(1)>'],
  ['svg onload', '<svg onload=alert(1)><circle r="1"/></svg>'],
  ['svg with script', '<svg><script>alert(1)</script></svg>'],
  ['iframe', '<iframe src="javascript:alert(1)"></iframe>'],
  ['iframe srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
  ['style expression', '<div style="width: expression(alert(1))">x</div>'],
  ['style tag', '<style>body{background:url("javascript:alert(1)")}</style>'],
  ['event handler on a link', '<a href="https://ok.example" onclick="alert(1)">x</a>'],
  ['body onload', '<body onload=alert(1)>'],
  ['object / embed', '<object data="evil.swf"></object><embed src="evil.swf">'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
  ['form action', '<form action="javascript:alert(1)"><button>go</button></form>'],
  ['javascript: link', '[click](javascript:alert(1))'],
  ['mixed-case JaVaScRiPt: link', '[click](JaVaScRiPt:alert(1))'],
  ['entity-encoded javascript: link', '[click](&#106;avascript:alert(1))'],
  ['hex-entity-encoded javascript: link', '[click](&#x6A;&#x61;vascript&#x3A;alert(1))'],
  ['named-entity colon', '[click](javascript&colon;alert(1))'],
  ['tab inside the scheme', '[click](java\tscript:alert(1))'],
  ['percent-encoded scheme', '[click](%6Aavascript:alert(1))'],
  ['leading spaces and control chars', '[click]( \u0001javascript:alert(1))'],
  ['data: link', '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
  ['vbscript: link', '[click](vbscript:msgbox(1))'],
  ['VBScript: mixed case', '[click](VBScript:msgbox(1))'],
  ['file: link', '[click](file:///etc/passwd)'],
  ['autolink javascript', '<javascript:alert(1)>'],
  ['reference-style javascript link', '[click][x]\n\n[x]: javascript:alert(1)'],
  ['markdown image with onerror-ish alt', '![x" onerror="alert(1)](https://evil.example/pixel.png)'],
  ['markdown image data:', '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)'],
  ['html comment hiding script', '<!-- --><script>alert(1)</script><!-- -->'],
  ['link title attribute break-out', '[x](https://ok.example "a\\" onmouseover=\\"alert(1)")'],
];

describe('NoteBody XSS corpus', () => {
  it.each(CORPUS)('%s: nothing executable survives', (_label, markdown) => {
    const html = render(markdown);
    expect(unsafeParts(html), html).toEqual([]);
    expect(html).not.toMatch(/<(script|iframe|svg|style|img|object|embed|meta|form|body)\b/i);
  });

  it('renders ordinary Markdown: emphasis, lists, code, and safe links with rel', () => {
    const html = render('**VoIP** number, see *carrier* lookup:\n\n- one\n- two\n\n`+1 555` and [report](https://example.org/r?a=1&b=2) or [mail](mailto:sec@example.org)');
    expect(html).toContain('<strong>VoIP</strong>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<code>+1 555</code>');
    expect(html).toContain('<a href="https://example.org/r?a=1&amp;b=2" rel="noopener noreferrer nofollow" target="_blank">report</a>');
    expect(html).toContain('href="mailto:sec@example.org"');
    expect(unsafeParts(html)).toEqual([]);
  });

  it('shows HTML typed in a note as text, and a refused link as plain text', () => {
    expect(render('<b>bold?</b>')).toContain('&lt;b&gt;');
    const html = render('[click](javascript:alert(1))');
    expect(html).toContain('click');
    expect(html).not.toContain('<a');
  });

  it('does not load images: shows their alt text', () => {
    expect(render('![passport scan](https://evil.example/p.png)')).toContain('[image: passport scan]');
  });
});
