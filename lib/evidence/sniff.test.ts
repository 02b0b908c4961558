import { describe, expect, it } from 'vitest';
import { DOCX, EXE, HTML, JPEG, PDF, pngBytes, SVG, TEXT, WEBP, ZIP } from './fixtures/samples';
import { sniffEvidence } from './sniff';

// The type is decided from the bytes alone: sniffEvidence never sees a file name or a MIME
// type, so "a PNG renamed .pdf" is simply a PNG, and "an HTML file renamed .png" is HTML.
describe('sniffEvidence', () => {
  it.each([
    ['PDF', PDF, 'application/pdf'],
    ['PNG', pngBytes(), 'image/png'],
    ['JPEG', JPEG, 'image/jpeg'],
    ['WebP', WEBP, 'image/webp'],
    ['DOCX', DOCX, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['plain text', TEXT, 'text/plain'],
  ])('accepts %s by its content', async (_label, bytes, mediaType) => {
    expect(await sniffEvidence(bytes)).toMatchObject({ ok: true, mediaType });
  });

  it('reports a PNG uploaded as "cv.pdf" as a PNG (the name is never read)', async () => {
    const file = new File([new Uint8Array(pngBytes())], 'cv.pdf', { type: 'application/pdf' });
    const result = await sniffEvidence(new Uint8Array(await file.arrayBuffer()));
    expect(result).toEqual({ ok: true, mediaType: 'image/png', ext: 'png' });
  });

  it('refuses an HTML page uploaded as "photo.png"', async () => {
    const file = new File([new Uint8Array(HTML)], 'photo.png', { type: 'image/png' });
    const result = await sniffEvidence(new Uint8Array(await file.arrayBuffer()));
    expect(result.ok).toBe(false);
  });

  it('refuses SVG (it can carry script), with or without an XML prolog', async () => {
    expect((await sniffEvidence(SVG)).ok).toBe(false);
    expect((await sniffEvidence(Buffer.concat([Buffer.from('<?xml version="1.0"?>\n'), SVG]))).ok).toBe(false);
  });

  it.each([
    ['a script tag in otherwise plain text', 'Notes\n<script>alert(1)</script>'],
    ['an HTML fragment with an event handler', 'hello <img src=x onerror=alert(1)>'],
    ['mixed-case markup after whitespace', '  \n<HtMl><BODY onload=alert(1)>'],
    ['an iframe', 'see <iframe src="https://evil.example"></iframe>'],
  ])('refuses text that carries markup: %s', async (_label, text) => {
    expect((await sniffEvidence(Buffer.from(text))).ok).toBe(false);
  });

  it('refuses a ZIP that is not a Word document, and an executable', async () => {
    expect(await sniffEvidence(ZIP)).toMatchObject({ ok: false, error: expect.stringMatching(/ZIP/) });
    expect((await sniffEvidence(EXE)).ok).toBe(false);
  });

  it('refuses binary junk, invalid UTF-8 and the empty file', async () => {
    expect((await sniffEvidence(Buffer.from([0x00, 0x01, 0x02, 0x03, 0xfe])))).toMatchObject({ ok: false });
    expect((await sniffEvidence(Buffer.from([0x61, 0xc3, 0x28])))).toMatchObject({ ok: false });
    expect(await sniffEvidence(Buffer.alloc(0))).toEqual({ ok: false, error: 'The file is empty.' });
  });

  it('accepts text that merely mentions a less-than sign', async () => {
    expect(await sniffEvidence(Buffer.from('Latency < 200 ms; 3 < 4 and a <= b'))).toMatchObject({ ok: true, mediaType: 'text/plain' });
  });
});
