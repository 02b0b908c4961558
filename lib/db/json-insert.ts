// Inserts many rows with one statement and one parameter: the rows travel as a single JSON
// array and PostgreSQL unpacks them (json_to_recordset). A multi-row VALUES list costs a bind
// parameter per cell, which the driver encodes, the server parses, and drizzle builds value by
// value: for the bulk import's chunks of hundreds of rows that building and parsing cost more
// than the insert itself (measured on PGlite: 500 cases ~220 ms of CPU as VALUES, ~80 ms as
// JSON). Works the same on PGlite and PostgreSQL, and is never near the 65,535-parameter cap.
import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { rowsOf, type DbOrTx } from './client';

/** The type a column is unpacked as: a serial is its integer, everything else its own type. */
function recordType(column: PgColumn): string {
  const type = column.getSQLType();
  if (type === 'bigserial') return 'bigint';
  if (type === 'serial') return 'integer';
  return type;
}

/**
 * JSON as the driver would send each value: strings made well-formed (a lone surrogate would
 * be U+FFFD through a bind parameter too, while JSON spells it as an escape PostgreSQL
 * refuses). JSON.stringify writes a lone surrogate, and only a lone one, as a \ud800–\udfff
 * escape: the slower well-forming pass runs only when the fast one wrote such an escape.
 */
function jsonOf(rows: unknown[]): string {
  const json = JSON.stringify(rows);
  if (!/\\u[dD][89a-fA-F]/.test(json)) return json;
  return JSON.stringify(rows, (_key, value: unknown) => (typeof value === 'string' ? value.toWellFormed() : value));
}

type Returned<TTable extends PgTable, K extends keyof TTable['$inferSelect']> = Pick<TTable['$inferSelect'], K>;

/** A value as read back from JSON: json and jsonb values arrive parsed, the rest as their drivers give them. */
function fromJson(column: PgColumn, value: unknown): unknown {
  if (value === null) return null;
  const type = column.getSQLType();
  return type === 'json' || type === 'jsonb' ? value : column.mapFromDriverValue(value);
}

/**
 * Inserts `rows` (keyed as in the drizzle schema) into `table` in one statement. Every row
 * must name the same columns; columns no row names take their defaults. `returning` lists the
 * columns to give back, one object per row in the order of `rows`.
 */
export async function insertJsonRows<TTable extends PgTable, K extends keyof TTable['$inferSelect'] & string = never>(
  db: DbOrTx,
  table: TTable,
  rows: TTable['$inferInsert'][],
  options: { returning?: readonly K[] } = {},
): Promise<Returned<TTable, K>[]> {
  if (rows.length === 0) return [];
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const keys = Object.keys(rows[0]).filter((key) => (rows[0] as Record<string, unknown>)[key] !== undefined);
  for (const key of keys) if (!columns[key]) throw new Error(`insertJsonRows: ${getTableName(table)} has no column ${key}.`);
  // Short positional names in the JSON (c0, c1, …): the document is a tenth of the work, not
  // the column names repeated on every row.
  const payload = rows.map((row, index) => {
    const values = row as Record<string, unknown>;
    const out: Record<string, unknown> = { o: index };
    keys.forEach((key, position) => {
      const value = values[key];
      if (value === undefined) throw new Error(`insertJsonRows: row ${index} of ${getTableName(table)} lacks ${key}.`);
      out[`c${position}`] = value instanceof Date ? value.toISOString() : value;
    });
    return out;
  });
  const names = keys.map((key) => sql.identifier(columns[key].name));
  const fields = keys.map((_, position) => sql.raw(`c${position}`));
  const definitions = keys.map((key, position) => sql.raw(`c${position} ${recordType(columns[key])}`));
  const returning = options.returning ?? [];
  // The returned rows come back as one JSON text each (one field to decode, not one per
  // column), in the order of `rows`: RETURNING follows the insert, which follows ORDER BY o.
  const returned = sql.join(
    returning.map((key) => sql`${key}::text, ${sql.identifier(columns[key].name)}`),
    sql`, `,
  );
  const query: SQL = sql`insert into ${table} (${sql.join(names, sql`, `)})
    select ${sql.join(fields, sql`, `)} from json_to_recordset(${jsonOf(payload)}::json) as v(o int, ${sql.join(definitions, sql`, `)}) order by o
    ${returning.length > 0 ? sql`returning json_build_object(${returned})::text as row` : sql``}`;
  const result = rowsOf<{ row: string }>(await db.execute(query));
  if (returning.length === 0) return [];
  return result.map(({ row }) => {
    const stored = JSON.parse(row) as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of returning) out[key] = fromJson(columns[key], stored[key]);
    return out as Returned<TTable, K>;
  });
}
