// The Content-Disposition of an evidence download: always `attachment` (never rendered in
// the app's origin), with the uploader's name made safe. `filename` is an ASCII fallback
// without quotes, backslashes or control characters; `filename*` (RFC 5987/6266) carries
// the full UTF-8 name percent-encoded. The extension is the detected type's, so a PNG that
// was uploaded as "cv.pdf" downloads as "cv.png".

/** The name as uploaded, reduced to its last path segment, without control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001F\u007F-\u009F]/g, '').trim().replace(/^\.+/, '').normalize('NFC');
  return cleaned.slice(0, 200) || 'evidence';
}

function withExtension(name: string, ext: string): string {
  const stem = name.replace(/\.[^.]{1,10}$/, '') || 'evidence';
  return `${stem}.${ext}`;
}

// RFC 5987 attr-char: ALPHA / DIGIT / "!#$&+-.^_`|~"; encodeURIComponent leaves '()*' and "'" too.
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function contentDisposition(fileName: string, ext: string): string {
  const name = withExtension(cleanFileName(fileName), ext);
  const ascii = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9._ -]/g, '_').replace(/^[ .]+/, '') || `evidence.${ext}`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}
