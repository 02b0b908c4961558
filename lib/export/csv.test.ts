import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvHeaders, fileDate, neutralizeFormula, toCsv, type CsvColumn } from './csv';

describe('neutralizeFormula', () => {
  const dangerous = ['=HYPERLINK("http://x","click")', '+1 415 555 0100', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '=', '-'];
  for (const cell of dangerous) {
    it(`prefixes ${JSON.stringify(cell)} with a single quote`, () => {
      expect(neutralizeFormula(cell)).toBe(`'${cell}`);
    });
  }

  const harmless = ['Jane Doe', 'HW-2026-0001', 'a=b', 'x+1', 'mail@example.org', ' =1', "'=already", '', '42', 'Ünïcödé'];
  for (const cell of harmless) {
    it(`leaves ${JSON.stringify(cell)} unchanged`, () => {
      expect(neutralizeFormula(cell)).toBe(cell);
    });
  }
});

describe('toCsv', () => {
  interface Row {
    text: string | null;
    n: number;
    at: Date;
  }
  const columns: CsvColumn<Row>[] = [
    { header: 'Text', value: (r) => r.text },
    { header: 'Number', value: (r) => r.n },
    { header: 'At', value: (r) => r.at },
  ];
  const at = new Date('2026-03-04T05:06:07.089Z');

  function roundTrip(rows: Row[]): string[][] {
    const csv = toCsv(columns, rows);
    return parse(csv, { bom: true, relax_column_count: false }) as string[][];
  }

  it('writes a header line and one line per row, with a BOM and CRLF', () => {
    const csv = toCsv(columns, [{ text: 'plain', n: 1, at }]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toBe('\uFEFFText,Number,At\r\nplain,1,2026-03-04T05:06:07.089Z\r\n');
  });

  it('neutralizes every formula-like string cell and keeps numbers as they are', () => {
    const corpus = ['=HYPERLINK("http://x")', '+1 415', '-2+3', '@SUM(A1)', '\t=1', '\r=1'];
    const parsed = roundTrip(corpus.map((text, i) => ({ text, n: -i, at })));
    expect(parsed[0]).toEqual(['Text', 'Number', 'At']);
    expect(parsed.slice(1).map((r) => r[0])).toEqual(corpus.map((c) => `'${c}`));
    expect(parsed.slice(1).map((r) => r[1])).toEqual(corpus.map((_, i) => String(-i)));
  });

  it('leaves normal text, numbers and dates untouched', () => {
    expect(roundTrip([{ text: 'Jane Doe', n: 87, at }])[1]).toEqual(['Jane Doe', '87', '2026-03-04T05:06:07.089Z']);
  });

  it('escapes quotes, commas and newlines (the stringifier), and writes null as empty', () => {
    const tricky = 'He said "hi", then\nleft\r\nagain';
    const csv = toCsv(columns, [{ text: tricky, n: 0, at }, { text: null, n: 1, at }]);
    expect(csv).toContain('"He said ""hi"", then\nleft\r\nagain"');
    const parsed = parse(csv, { bom: true }) as string[][];
    expect(parsed[1][0]).toBe(tricky);
    expect(parsed[2][0]).toBe('');
  });

  it('writes only the header for no rows', () => {
    expect(roundTrip([])).toEqual([['Text', 'Number', 'At']]);
  });
});

describe('download headers', () => {
  it('are an uncached, unsniffed UTF-8 CSV attachment', () => {
    const headers = csvHeaders(`hirewatch-cases-${fileDate(new Date('2026-01-02T23:59:59Z'))}.csv`);
    expect(headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(headers.get('content-disposition')).toBe('attachment; filename="hirewatch-cases-2026-01-02.csv"');
    expect(headers.get('cache-control')).toBe('no-store');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
  });
});
