import { describe, expect, it } from 'vitest';
import { toCsv } from '@/lib/export/csv';
import { readWatchlistCsv, WATCHLIST_EXPORT_COLUMNS, type WatchlistExportRow } from './watchlist-csv';

const NOW = new Date('2026-06-01T00:00:00Z');

describe('readWatchlistCsv', () => {
  it('reads the documented columns, with defaults for tlp, expiry and list', () => {
    const csv = 'kind,value,source,confidence,tlp,expires_at\nemail,Bad.Actor@Gmail.com,FBI PSA,high,TLP:AMBER+STRICT,2027-01-31\nip,203.0.113.7,Peer company,40,,\n';
    const read = readWatchlistCsv(csv, NOW);
    expect(read).toEqual({
      ok: true,
      entries: [
        { row: 2, kind: 'email', value: 'Bad.Actor@Gmail.com', normalized: 'badactor@gmail.com', list: 'block', source: 'FBI PSA', confidence: 'high', tlp: 'amber_strict', expiresAt: new Date('2027-01-31T23:59:59Z') },
        { row: 3, kind: 'ip', value: '203.0.113.7', normalized: '203.0.113.7', list: 'block', source: 'Peer company', confidence: 'medium', tlp: 'amber', expiresAt: null },
      ],
    });
  });

  it('names every bad row by its spreadsheet row number and accepts none', () => {
    const csv = [
      'kind,value,source,confidence,tlp,expires_at',
      'email,ok@example.org,Feed,high,green,',
      'fax,123,Feed,high,,',
      'phone,not a phone,,certain,purple,2020-01-01',
      'ip,198.51.100.1,Feed,low,,tomorrow',
    ].join('\n');
    const read = readWatchlistCsv(csv, NOW);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.errors).toEqual([
      expect.stringMatching(/^Row 3: kind "fax" is not one of/),
      expect.stringMatching(/^Row 4: value: Not a phone number.*; source is empty; confidence "certain" is not.*; tlp "purple" is not.*; expires_at is in the past\.$/),
      'Row 5: expires_at "tomorrow" is not a date (YYYY-MM-DD or ISO 8601).',
    ]);
  });

  it('refuses a file without the required columns', () => {
    const read = readWatchlistCsv('type,value\nemail,a@b.org\n', NOW);
    expect(!read.ok && read.errors[0]).toContain('Missing columns: kind, source, confidence');
  });

  it('imports its own export unchanged (formula-neutralized phones included)', () => {
    const rows: WatchlistExportRow[] = [
      { kind: 'phone', value: '+14155550100', list: 'block', source: '=cmd', confidence: 'low', tlp: 'red', expiresAt: new Date('2030-01-01T00:00:00.000Z'), falsePositive: false, createdAt: NOW, addedBy: 'Lead', sourceCase: null },
      { kind: 'ip', value: '10.0.0.1', list: 'benign', source: 'Office VPN', confidence: 'high', tlp: 'clear', expiresAt: null, falsePositive: false, createdAt: NOW, addedBy: null, sourceCase: 'HW-2026-0001' },
    ];
    const read = readWatchlistCsv(toCsv(WATCHLIST_EXPORT_COLUMNS, rows), NOW);
    expect(read.ok && read.entries.map(({ kind, value, list, source, confidence, tlp, expiresAt }) => ({ kind, value, list, source, confidence, tlp, expiresAt }))).toEqual(
      rows.map(({ kind, value, list, source, confidence, tlp, expiresAt }) => ({ kind, value, list, source, confidence, tlp, expiresAt })),
    );
  });
});
