// `column = any($1)`: what drizzle's inArray says, with the values sent as one array
// parameter instead of one bind parameter each. The bulk import asks about hundreds of
// cases at a time; a parameter per id costs drizzle a query-building step and the driver
// an encoding step per value (most of the JavaScript time of a chunk, measured), and an
// IN list can never reach PostgreSQL's 65,535-parameter cap this way.
//
// One value is plain equality: a statement of its own, whose generic plan is as good as a
// custom one (an array's length is unknown to a generic plan, which then guesses badly), so
// the single-case reads can keep one plan (lib/db/generic-plans.ts).
import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

export function anyOf(column: PgColumn, values: readonly unknown[]): SQL {
  const type = sql.raw(column.getSQLType());
  if (values.length === 1) return sql`${column} = ${sql.param(values[0])}::${type}`;
  return sql`${column} = any(${sql.param(values)}::${type}[])`;
}
