// The load test's bookkeeping, read from the database once the server has stopped: every
// decision the server acknowledged is in the decisions table exactly once and in the audit log
// exactly once, nothing was decided that was not acknowledged, each case holds the outcome it
// was given, and the audit hash chain still links.
import { sql } from 'drizzle-orm';
import { verifyAuditChain } from '@/lib/audit/verify';
import { rowsOf, type Database } from '@/lib/db/client';
import type { Acknowledged } from './reviewer';
import { REVIEWER_PREFIX } from './setup';

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

type Row = { reference: string; outcome: string; reviewer: string };

const keyOf = (row: Row) => `${row.reference} ${row.outcome} ${row.reviewer}`;

function counted(rows: Row[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(keyOf(row), (counts.get(keyOf(row)) ?? 0) + 1);
  return counts;
}

/** Acknowledged decisions missing from `stored`, present more than once, or stored without an acknowledgement. */
function compare(what: string, acknowledged: Acknowledged[], stored: Row[]): Check {
  const expected = counted(acknowledged);
  const found = counted(stored);
  const lost = [...expected.keys()].filter((k) => !found.has(k));
  const doubled = [...found].filter(([, n]) => n > 1).map(([k]) => k);
  const unacknowledged = [...found.keys()].filter((k) => !expected.has(k));
  const ok = lost.length === 0 && doubled.length === 0 && unacknowledged.length === 0 && stored.length === acknowledged.length;
  const sample = (keys: string[]) => (keys.length ? ` (${keys.slice(0, 3).join('; ')}${keys.length > 3 ? '; …' : ''})` : '');
  return {
    name: `every acknowledged decision in ${what} exactly once`,
    ok,
    detail: `${stored.length} rows for ${acknowledged.length} acknowledged: ${lost.length} lost${sample(lost)}, ${doubled.length} doubled${sample(doubled)}, ${unacknowledged.length} not acknowledged${sample(unacknowledged)}`,
  };
}

export async function verifyDecisions(db: Database, acknowledged: Acknowledged[]): Promise<Check[]> {
  const reviewers = `${REVIEWER_PREFIX}%`;
  const decisionRows = rowsOf<Row>(
    await db.execute(sql`select c.reference, d.outcome, u.email as reviewer from decisions d join cases c on c.id = d.case_id join users u on u.id = d.decided_by_id where u.email like ${reviewers}`),
  );
  const auditRows = rowsOf<Row>(
    await db.execute(sql`select target_id as reference, "after"->>'status' as outcome, actor_email as reviewer from audit_log where action = 'case.decided' and actor_email like ${reviewers}`),
  );
  const wrongStatus = rowsOf<{ reference: string }>(
    await db.execute(sql`select c.reference from decisions d join cases c on c.id = d.case_id join users u on u.id = d.decided_by_id where u.email like ${reviewers} and c.status::text <> d.outcome::text`),
  );
  const chain = await verifyAuditChain(db);
  return [
    compare('the decisions table', acknowledged, decisionRows),
    compare('the audit log', acknowledged, auditRows),
    { name: 'each decided case holds its outcome', ok: wrongStatus.length === 0, detail: wrongStatus.length === 0 ? 'all do' : `${wrongStatus.length} do not, e.g. ${wrongStatus[0].reference}` },
    { name: 'the audit hash chain links', ok: chain.ok, detail: chain.ok ? `${chain.checked} entries checked` : `first broken: ${JSON.stringify(chain.firstBroken)}` },
  ];
}
