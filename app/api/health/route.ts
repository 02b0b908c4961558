// Liveness and readiness for load balancers: answers only when the database does.
import { sql } from 'drizzle-orm';
import { getDb, getDbKind } from '@/lib/db/client';

export const dynamic = 'force-dynamic';

export async function GET() {
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return Response.json({ status: 'ok', db: await getDbKind() });
  } catch {
    return Response.json({ status: 'unavailable' }, { status: 503 });
  }
}
