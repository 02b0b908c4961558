// Conditions on constants written into the statement text (`kind = 'ip'`), not sent as bind
// parameters (`kind = $4`), for the statements that keep their generic plan
// (generic-plans.ts). A generic plan is made without the parameters' values, so a bound
// constant looks like any value to it: it took `list = $7 and kind = $4` on the watchlist
// for a selective index condition and read 300,000 index entries for one case's IP (103 ms),
// where `list = 'block' and kind = 'ip'` is known to match a third of the table. Only
// constants of the code belong here, never a value from a request.
import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

function literal(value: string | boolean): SQL {
  return sql.raw(typeof value === 'boolean' ? String(value) : `'${value.replaceAll("'", "''")}'`);
}

/** `column = 'value'`, the value in the text. */
export function isConstant(column: PgColumn, value: string | boolean): SQL {
  return sql`${column} = ${literal(value)}`;
}

/** `column not in ('a', 'b')`, the values in the text (no values: true, as drizzle's notInArray). */
export function notAmongConstants(column: PgColumn, values: readonly string[]): SQL {
  if (values.length === 0) return sql`true`;
  return sql`${column} not in (${sql.join(values.map(literal), sql`, `)})`;
}
