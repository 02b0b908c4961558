import { describe, expect, it } from 'vitest';
import { changeDetail, SUMMARY_MAX, summarizeChange, truncate } from './change-summary';

describe('summarizeChange', () => {
  it('shows a dash when there is nothing to show', () => {
    expect(summarizeChange(null, null)).toBe('—');
    expect(summarizeChange({}, {})).toBe('—');
  });

  it('shows both sides of a changed value and the value of an unchanged one', () => {
    expect(summarizeChange({ check: 'live_id', result: 'not_done' }, { check: 'live_id', result: 'fail' })).toBe('check: live_id, result: not_done → fail');
  });

  it('lists what was added when there was no before', () => {
    expect(summarizeChange(null, { kind: 'email', value: 'x@example.org' })).toBe('kind: email, value: x@example.org');
  });

  it('marks a value that disappeared', () => {
    expect(summarizeChange({ assigneeId: 'a' }, {})).toBe('assigneeId: a → ∅');
  });

  it('renders non-strings as JSON', () => {
    expect(summarizeChange({ status: 'open', version: 1 }, { status: 'investigating', version: 2, tags: ['a'], ok: true, none: null })).toBe(
      'status: open → investigating, version: 1 → 2, tags: ["a"], ok: true, none: null',
    );
  });

  it('keeps markup as text (React escapes it) and folds newlines', () => {
    expect(summarizeChange(null, { body: '<script>alert(1)</script>\n\nsecond line' })).toBe('body: <script>alert(1)</script> second line');
  });

  it('truncates long values and the whole summary', () => {
    const summary = summarizeChange(null, { rationale: 'r'.repeat(500), a: 'x'.repeat(50), b: 'y'.repeat(50), c: 'z'.repeat(50) });
    expect(summary.length).toBe(SUMMARY_MAX);
    expect(summary.endsWith('…')).toBe(true);
    expect(summary.startsWith(`rationale: ${'r'.repeat(59)}…, a: `)).toBe(true);
  });
});

describe('truncate', () => {
  it('leaves short text alone and cuts long text to the limit, ellipsis included', () => {
    expect(truncate('abc', 3)).toBe('abc');
    expect(truncate('abcd', 3)).toBe('ab…');
  });
});

describe('changeDetail', () => {
  it('is the whole entry as JSON, bounded', () => {
    expect(JSON.parse(changeDetail({ a: 1 }, null))).toEqual({ before: { a: 1 }, after: null });
    expect(changeDetail(null, { big: 'x'.repeat(5000) }).length).toBe(2000);
  });
});
