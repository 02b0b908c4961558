// A database's whole content, in a form two databases can be compared by: every row of every
// table outside PostgreSQL's own schemas (the app's tables and drizzle's migration journal),
// all columns in PostgreSQL's text form, ordered by primary key; and every sequence's position.
import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '@/lib/db/client';

export interface DatabaseSnapshot {
  /** "schema.table" → its rows, each as PostgreSQL prints the row value. */
  tables: Record<string, string[]>;
  /** "schema.sequence" → last_value (null before the first nextval). */
  sequences: Record<string, string | null>;
}

export async function snapshotDatabase(db: Database): Promise<DatabaseSnapshot> {
  const tables = rowsOf<{ schema: string; name: string; pk: string | null }>(
    await db.execute(sql`
      select s.nspname as schema, c.relname as name,
        (select string_agg(quote_ident(a.attname), ', ' order by array_position(i.indkey::int2[], a.attnum))
           from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
          where i.indrelid = c.oid and i.indisprimary) as pk
      from pg_class c join pg_namespace s on s.oid = c.relnamespace
      where c.relkind in ('r', 'p') and s.nspname !~ '^pg_' and s.nspname <> 'information_schema'
      order by 1, 2`),
  );
  const snapshot: DatabaseSnapshot = { tables: {}, sequences: {} };
  for (const table of tables) {
    const qualified = `${quoteIdent(table.schema)}.${quoteIdent(table.name)}`;
    // Every table of the schema has a primary key; the row text orders any that would not.
    const order = table.pk ? `${table.pk.replace(/(^|, )/g, '$1t.')}` : 't::text';
    const rows = rowsOf<{ row: string }>(await db.execute(sql.raw(`select t::text as row from ${qualified} t order by ${order}`)));
    snapshot.tables[`${table.schema}.${table.name}`] = rows.map((r) => r.row);
  }
  const sequences = rowsOf<{ schema: string; name: string; last: string | null }>(
    await db.execute(sql`select schemaname as schema, sequencename as name, last_value::text as last from pg_sequences order by 1, 2`),
  );
  for (const sequence of sequences) snapshot.sequences[`${sequence.schema}.${sequence.name}`] = sequence.last;
  return snapshot;
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
