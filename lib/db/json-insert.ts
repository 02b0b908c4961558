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
  const cell = (row: TTable['$inferInsert'], key: string, index: number) => {
    const value = (row as Record<string, unknown>)[key];
    if (value === undefined) throw new Error(`insertJsonRows: row ${index} of ${getTableName(table)} lacks ${key}.`);
    return value instanceof Date ? value.toISOString() : value;
  };
  // A column with one value in every row (the actor, a source, a timestamp) travels once, as a
  // parameter; the others go in the JSON under short positional names (c0, c1, …), so the
  // document the server parses is not the column names and constants repeated on every row.
  const first = keys.map((key) => cell(rows[0], key, 0));
  const constant = keys.map((key, position) => {
    const value = first[position];
    // A json column stays in the document: as a parameter cast to json, a string value would
    // be parsed as JSON text instead of stored as a JSON string.
    if (columns[key].dataType === 'json') return false;
    return (value === null || typeof value !== 'object') && rows.every((row, index) => cell(row, key, index) === value);
  });
  const returning = options.returning ?? [];
  // An ordinal keeps RETURNING in the order of `rows`; it is also the one column of the JSON
  // when every column is constant (a single row).
  const ordered = returning.length > 0 || constant.every(Boolean);
  const payload = rows.map((row, index) => {
    const out: Record<string, unknown> = ordered ? { o: index } : {};
    keys.forEach((key, position) => {
      if (!constant[position]) out[`c${position}`] = cell(row, key, index);
    });
    return out;
  });
  const names = keys.map((key) => sql.identifier(columns[key].name));
  const fields = keys.map((key, position) => (constant[position] ? sql`${first[position]}::${sql.raw(recordType(columns[key]))}` : sql.raw(`c${position}`)));
  const definitions = keys.flatMap((key, position) => (constant[position] ? [] : [sql.raw(`c${position} ${recordType(columns[key])}`)]));
  if (ordered) definitions.unshift(sql.raw('o int'));
  // The returned rows come back as one JSON text each (one field to decode, not one per
  // column), in order: RETURNING follows the insert, which follows ORDER BY o.
  const returned = sql.join(
    returning.map((key) => sql`${key}::text, ${sql.identifier(columns[key].name)}`),
    sql`, `,
  );
  const query: SQL = sql`insert into ${table} (${sql.join(names, sql`, `)})
    select ${sql.join(fields, sql`, `)} from json_to_recordset(${jsonOf(payload)}::json) as v(${sql.join(definitions, sql`, `)})
    ${returning.length > 0 ? sql`order by o returning json_build_object(${returned})::text as row` : sql``}`;
  const result = rowsOf<{ row: string }>(await db.execute(query));
  if (returning.length === 0) return [];
  return result.map(({ row }) => {
    const stored = JSON.parse(row) as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of returning) out[key] = fromJson(columns[key], stored[key]);
    return out as Returned<TTable, K>;
  });
}
