// GET /api/v1/watchlist?format=json|csv|stix and POST /api/v1/watchlist (lead tokens).
import { authorizeToken } from '@/lib/api/bearer';
import { invalid, jsonResponse } from '@/lib/api/errors';
import { apiHandler, readJson } from '@/lib/api/handler';
import { JSON_BODY_LIMIT } from '@/lib/api/limits';
import { parseQuery } from '@/lib/api/query';
import { requireJsonContent } from '@/lib/api/content-type';
import { watchlistPostSchema, watchlistQuerySchema } from '@/lib/api/schemas';
import { addWatchlistEntries, listWatchlistEntries, WATCHLIST_CSV_COLUMNS } from '@/lib/api/watchlist';
import { getDb } from '@/lib/db/client';
import { csvHeaders, fileDate, toCsv } from '@/lib/export/csv';
import { watchlistStixBundle } from '@/lib/intel/watchlist-export';

export const dynamic = 'force-dynamic';

export const GET = apiHandler('watchlist.get', async (request) => {
  await authorizeToken(request, 'watchlist:manage');
  const query = parseQuery(request, watchlistQuerySchema);
  if (query.format === 'stix') {
    // The same bundle as /watchlist/export?format=stix: active block entries, TLP:RED left out.
    const { bundle } = await watchlistStixBundle(await getDb());
    return new Response(JSON.stringify(bundle), { headers: { 'Content-Type': 'application/stix+json;version=2.1; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });
  }
  const list = await listWatchlistEntries(query);
  if (query.format === 'csv') {
    const headers = csvHeaders(`hirewatch-watchlist-${fileDate()}.csv`);
    headers.set('X-Truncated', String(list.truncated));
    return new Response(toCsv(WATCHLIST_CSV_COLUMNS, list.entries), { headers });
  }
  return jsonResponse(list);
});

export const POST = apiHandler('watchlist.post', async (request) => {
  const caller = await authorizeToken(request, 'watchlist:manage');
  requireJsonContent(request);
  const parsed = watchlistPostSchema.safeParse(await readJson(request, JSON_BODY_LIMIT));
  if (!parsed.success) throw invalid(parsed.error);
  return jsonResponse(await addWatchlistEntries(caller, parsed.data, request));
});
