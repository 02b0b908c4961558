// Several short lists read in one statement: each list is a subquery aggregated to a JSON
// array and becomes one column of the outer select. PGlite answers one statement at a time
// on its single connection, and each costs about half a millisecond of query building and
// protocol work whatever it returns, so a page that shows ten short lists of one case reads
// them with one statement instead of ten.
//
// JSON carries no types, so the values are named (the JSON keys are the field names) and
// timestamps are turned back into Dates from their column types: a list reads as the rows a
// plain select of the same fields gives. A subquery's ORDER BY is the order of its array
// (PostgreSQL aggregates the rows of a sorted subquery in that order).
import { Column, is, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { PgTimestamp } from 'drizzle-orm/pg-core';

/** A column, or an SQL expression typed with what it gives (e.g. a left-joined, nullable name). */
type Field = Column | SQL<unknown>;

type FieldValue<F> = F extends Column ? (F['_']['notNull'] extends true ? F['_']['data'] : F['_']['data'] | null) : F extends SQL<infer T> ? T : never;

export type JsonRow<F extends Record<string, Field>> = { [K in keyof F]: FieldValue<F[K]> };

type Named<F extends Record<string, Field>> = { [K in keyof F]: SQL.Aliased<FieldValue<F[K]>> };

/** The fields as `<expression> as "<key>"`, so the rows of a subquery carry the field names. */
function named<F extends Record<string, Field>>(fields: F): Named<F> {
  return Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, sql`${field}`.as(key)])) as Named<F>;
}

/**
 * `fields` selected by `query` (which receives them named, for its `select`), as a JSON array
 * column: `(select coalesce(json_agg(list), '[]') from (<query>) as list)`. The query may
 * refer to the outer select's tables (a correlated subquery).
 */
export function jsonList<F extends Record<string, Field>>(fields: F, query: (selection: Named<F>) => SQLWrapper): SQL<JsonRow<F>[]> {
  const dates = Object.entries(fields)
    .filter(([, field]) => is(field, PgTimestamp))
    .map(([key]) => key);
  return sql<JsonRow<F>[]>`(select coalesce(json_agg(list), '[]'::json) from (${query(named(fields))}) as list)`.mapWith((value: unknown) => {
    // Both drivers parse json columns; a string would be a driver that does not.
    const rows = (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>[];
    for (const row of rows) for (const key of dates) if (row[key] != null) row[key] = new Date(row[key] as string);
    return rows as JsonRow<F>[];
  });
}
