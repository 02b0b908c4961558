import { describe, expect, it } from 'vitest';
import { boundedText, hasControlCharacters, optionalText, text } from './text';

describe('text fields', () => {
  it('refuse control characters PostgreSQL cannot store or nobody types', () => {
    for (const bad of ['a\u0000b', '\u0007bell', 'esc\u001b[31m', 'del\u007f']) {
      expect(hasControlCharacters(bad)).toBe(true);
      const parsed = text('Note', 100).safeParse(bad);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0].message).toBe('Note contains control characters; remove them.');
    }
    expect(optionalText('Note', 100).safeParse('x\u0000').success).toBe(false);
    expect(boundedText('Note', 100).safeParse('x\u0000').success).toBe(false);
  });

  it('keep tabs, line breaks and any printable Unicode', () => {
    const fine = 'Line one\r\n\tLine two — 김현우 👩‍💻';
    expect(hasControlCharacters(fine)).toBe(false);
    expect(text('Note', 100).parse(`  ${fine}  `)).toBe(fine);
  });

  it('bound the length and require a value', () => {
    expect(text('Name', 3).safeParse('abcd').error?.issues[0].message).toBe('Name must be at most 3 characters.');
    expect(text('Name', 3).safeParse('   ').error?.issues[0].message).toBe('Name is required.');
    expect(optionalText('Name', 3).parse(undefined)).toBe('');
  });
});
