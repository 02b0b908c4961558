import { describe, expect, it } from 'vitest';
import { DEFAULT_JOB_CHUNK_LINES, parseJobChunkLines } from './chunk-size';

describe('HIREWATCH_JOB_CHUNK', () => {
  it('defaults to 1,000 lines when unset or blank', () => {
    expect(parseJobChunkLines(undefined)).toBe(DEFAULT_JOB_CHUNK_LINES);
    expect(parseJobChunkLines('  ')).toBe(DEFAULT_JOB_CHUNK_LINES);
  });

  it('takes a whole number of lines from 1 to 10,000', () => {
    expect(parseJobChunkLines('1')).toBe(1);
    expect(parseJobChunkLines(' 500 ')).toBe(500);
    expect(parseJobChunkLines('10000')).toBe(10_000);
  });

  it.each(['0', '-5', '1.5', 'abc', '10001', 'Infinity', '1e3x'])('refuses %s with a message naming the variable', (raw) => {
    expect(() => parseJobChunkLines(raw)).toThrow(/HIREWATCH_JOB_CHUNK must be a whole number of lines from 1 to 10000, the most a job holds/);
  });
});
