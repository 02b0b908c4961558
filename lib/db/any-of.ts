// `column = any($1)`: what drizzle's inArray says, with the values sent as one array
// parameter instead of one bind parameter each. The bulk import asks about hundreds of
// cases at a time; a parameter per id costs drizzle a query-building step and the driver
// an encoding step per value (most of the JavaScript time of a chunk, measured), and an
// IN list can never reach PostgreSQL's 65,535-parameter cap this way.
import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

export function anyOf(column: PgColumn, values: readonly unknown[]): SQL {
  return sql`${column} = any(${sql.param(values)}::${sql.raw(column.getSQLType())}[])`;
}
