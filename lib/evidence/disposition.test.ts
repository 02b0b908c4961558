import { describe, expect, it } from 'vitest';
import { cleanFileName, contentDisposition } from './disposition';

describe('contentDisposition', () => {
  it('is always an attachment, with the detected extension', () => {
    expect(contentDisposition('cv.pdf', 'png')).toBe(`attachment; filename="cv.png"; filename*=UTF-8''cv.png`);
  });

  it('keeps the UTF-8 name in filename* and an ASCII fallback in filename', () => {
    const header = contentDisposition('Résumé Ünal.pdf', 'pdf');
    expect(header).toBe(`attachment; filename="Resume Unal.pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%C3%9Cnal.pdf`);
  });

  it('cannot break out of the header: quotes, semicolons, CR/LF and backslashes are neutralized', () => {
    const header = contentDisposition('a";\r\nSet-Cookie: x=1; b\\c.txt', 'txt');
    expect(header).not.toMatch(/[\r\n]/);
    const ascii = /filename="([^"]*)"/.exec(header)?.[1] ?? '';
    expect(ascii).not.toMatch(/[";\\]/);
    expect(header).toMatch(/filename\*=UTF-8''[A-Za-z0-9%!#$&+\-.^_`|~]+$/);
  });

  it('drops any directory part and leading dots', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('C:\\Users\\x\\scan.jpg')).toBe('scan.jpg');
    expect(contentDisposition('...hidden', 'txt')).toContain('filename="hidden.txt"');
    expect(cleanFileName('')).toBe('evidence');
  });
});
