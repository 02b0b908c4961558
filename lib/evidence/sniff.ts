// Which evidence files are accepted, decided from their bytes: the name and the browser's
// MIME type are the uploader's claims and are ignored. Binary formats are recognized by
// file-type (maintained magic-number tables, DOCX told apart from any other ZIP by its
// parts); plain text has no magic number, so it is accepted only as valid UTF-8 without
// control characters and without markup a browser could render (HTML, SVG, XML).
import { fileTypeFromBuffer } from 'file-type';

export const ALLOWED_EVIDENCE_TYPES = {
  'application/pdf': { ext: 'pdf', label: 'PDF' },
  'image/png': { ext: 'png', label: 'PNG image' },
  'image/jpeg': { ext: 'jpg', label: 'JPEG image' },
  'image/webp': { ext: 'webp', label: 'WebP image' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { ext: 'docx', label: 'Word document' },
  'text/plain': { ext: 'txt', label: 'Plain text' },
} as const;

export type EvidenceMediaType = keyof typeof ALLOWED_EVIDENCE_TYPES;

export type SniffResult = { ok: true; mediaType: EvidenceMediaType; ext: string } | { ok: false; error: string };

const ACCEPTED = 'PDF, PNG, JPEG, WebP, DOCX or plain text';

// Tags that make a browser (or an XML viewer) render or run something.
const MARKUP = /<\s*(?:!doctype|\?xml|html|head|body|script|svg|iframe|object|embed|meta|link|style|img|a\s|math|xml|form|base)\b/i;
// C0 controls other than tab, line feed, form feed and carriage return, and DEL.
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/;

function asPlainText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  return !CONTROL.test(text) && !MARKUP.test(text);
}

export async function sniffEvidence(bytes: Uint8Array): Promise<SniffResult> {
  if (bytes.length === 0) return { ok: false, error: 'The file is empty.' };
  const detected = await fileTypeFromBuffer(bytes);
  if (detected) {
    if (detected.mime in ALLOWED_EVIDENCE_TYPES) {
      const mediaType = detected.mime as EvidenceMediaType;
      return { ok: true, mediaType, ext: ALLOWED_EVIDENCE_TYPES[mediaType].ext };
    }
    return { ok: false, error: `This file is a ${detected.ext.toUpperCase()} file by its content; only ${ACCEPTED} files are accepted.` };
  }
  if (asPlainText(bytes)) return { ok: true, mediaType: 'text/plain', ext: 'txt' };
  return { ok: false, error: `The content of this file is not ${ACCEPTED} (HTML, SVG and other markup are refused).` };
}
