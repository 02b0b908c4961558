// GET /watchlist/export?format=csv|stix: the watchlist as a CSV file (every entry) or a STIX
// 2.1 bundle (active block entries, TLP:RED left out). Authorized on the server and audited
// in the same transaction that reads it.
import { appendAudit } from '@/lib/audit/log';
import { getDb } from '@/lib/db/client';
import { csvHeaders, fileDate, toCsv } from '@/lib/export/csv';
import { authorizeExport, exportRequestMeta } from '@/lib/export/request';
import { WATCHLIST_EXPORT_COLUMNS } from '@/lib/intel/watchlist-csv';
import { watchlistCsvRows, watchlistStixBundle } from '@/lib/intel/watchlist-export';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  const auth = await authorizeExport('watchlist:manage');
  if ('response' in auth) return auth.response;
  const { user } = auth;
  const format = new URL(request.url).searchParams.get('format') === 'stix' ? 'stix' : 'csv';
  const actor = { id: user.id, email: user.email, ...exportRequestMeta(request) };
  const db = await getDb();
  const body = await db.transaction(async (tx) => {
    if (format === 'csv') {
      const rows = await watchlistCsvRows(tx);
      await appendAudit(tx, actor, { action: 'watchlist.exported', targetType: 'export', targetId: '/watchlist/export?format=csv', after: { format, rows: rows.length } });
      return toCsv(WATCHLIST_EXPORT_COLUMNS, rows);
    }
    const { bundle, indicators } = await watchlistStixBundle(tx);
    await appendAudit(tx, actor, { action: 'watchlist.exported', targetType: 'export', targetId: '/watchlist/export?format=stix', after: { format, indicators, bundle: bundle.id } });
    return JSON.stringify(bundle, null, 2);
  });
  if (format === 'csv') return new Response(body, { headers: csvHeaders(`hirewatch-watchlist-${fileDate()}.csv`) });
  const headers = csvHeaders(`hirewatch-watchlist-${fileDate()}.stix.json`);
  headers.set('Content-Type', 'application/stix+json;version=2.1; charset=utf-8');
  return new Response(body, { headers });
}
