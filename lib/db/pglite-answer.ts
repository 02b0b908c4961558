// Reads PostgreSQL's answer to a batch of protocol messages straight from its bytes, into
// the results PGlite's own query gives.
//
// Why not PGlite's reader: it copies every field into an ArrayBuffer of its own before
// decoding it, behind private-field lookups, which made it the largest single cost of a
// read returning rows (measured: 500 rows of 4 columns took 6 ms, a fifth of it in that one
// copy). Here the answer is one buffer and strings are decoded from it in place.
//
// What it does not do that PGlite's reader did: notices are not logged (PGlite logs them only
// in debug mode) and notifications are not passed to LISTEN callbacks (the app never LISTENs;
// COPY goes through PGlite's own query, see pglite-statements.ts). A text that starts with a
// byte-order mark keeps it, as node-postgres keeps it on PostgreSQL (PGlite's decoder drops it).
import { messages, types, type QueryOptions, type Results } from '@electric-sql/pglite';

type Parsers = NonNullable<QueryOptions['parsers']>;

export interface Answer {
  /** One result per completed command, in order (PGlite's parseResults shape). */
  results: Results[];
  /** The parameter types a Describe of a statement reported. */
  parameterTypes: number[];
  /** The first error PostgreSQL reported; the commands after it in the batch did not run. */
  error?: messages.DatabaseError;
}

const CODE = {
  dataRow: 0x44, // D
  rowDescription: 0x54, // T
  commandComplete: 0x43, // C
  parameterDescription: 0x74, // t
  error: 0x45, // E
} as const;

/** Error and notice fields by their one-letter code, as pg-protocol names them. */
const ERROR_FIELDS: Record<string, keyof messages.DatabaseError> = {
  S: 'severity',
  C: 'code',
  D: 'detail',
  H: 'hint',
  P: 'position',
  p: 'internalPosition',
  q: 'internalQuery',
  W: 'where',
  s: 'schema',
  t: 'table',
  c: 'column',
  d: 'dataType',
  n: 'constraint',
  F: 'file',
  L: 'line',
  R: 'routine',
};

/** Commands whose tag's last number counts rows changed (PGlite's affectedRows). */
const CHANGING = new Set(['INSERT', 'UPDATE', 'DELETE', 'COPY', 'MERGE']);

/**
 * How a column's text becomes a value: the query's own parser for its type, else the
 * database's, else PGlite's default (PGlite's parseType order). Resolved once per column, not
 * by merging the parser tables per query: drizzle sends a table of its own with every query,
 * and spreading the 318 entries of PGlite's into it cost 0.2 ms a statement.
 */
function columnParser(dataTypeID: number, defaultParsers: Parsers, own: Parsers | undefined): (text: string) => unknown {
  // Called with the type id as well, as PGlite calls them (its array parsers read it).
  const parser = (own?.[dataTypeID] ?? defaultParsers[dataTypeID]) as ((text: string, typeId: number) => unknown) | undefined;
  return parser ? (text) => parser(text, dataTypeID) : (text) => types.parseType(text, dataTypeID);
}

export function readAnswer(bytes: Uint8Array, defaultParsers: Parsers, options?: QueryOptions): Answer {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const arrays = options?.rowMode === 'array';
  const results: Results[] = [];
  let parameterTypes: number[] = [];
  let error: messages.DatabaseError | undefined;
  let fields: { name: string; dataTypeID: number }[] = [];
  let parse: ((text: string) => unknown)[] = [];
  let rows: Results['rows'] = [];
  let affectedRows = 0;

  const cstring = (at: number): [string, number] => {
    const end = data.indexOf(0, at);
    return [data.toString('utf8', at, end), end + 1];
  };

  for (let at = 0; at + 5 <= data.length; ) {
    const code = data[at];
    const length = data.readUInt32BE(at + 1);
    const body = at + 5;
    const next = at + 1 + length;
    if (code === CODE.dataRow) {
      const count = data.readUInt16BE(body);
      const values: unknown[] = new Array(count);
      for (let i = 0, p = body + 2; i < count; i++) {
        const size = data.readInt32BE(p);
        p += 4;
        if (size === -1) values[i] = null;
        else {
          values[i] = parse[i](data.toString('utf8', p, p + size));
          p += size;
        }
      }
      if (arrays) rows.push(values);
      else {
        const row: Record<string, unknown> = {};
        for (let i = 0; i < count; i++) row[fields[i].name] = values[i];
        rows.push(row);
      }
    } else if (code === CODE.rowDescription) {
      const count = data.readUInt16BE(body);
      fields = [];
      parse = [];
      for (let i = 0, p = body + 2; i < count; i++) {
        const [name, after] = cstring(p);
        const dataTypeID = data.readInt32BE(after + 6);
        fields.push({ name, dataTypeID });
        parse.push(columnParser(dataTypeID, defaultParsers, options?.parsers));
        p = after + 18;
      }
    } else if (code === CODE.commandComplete) {
      const [tag] = cstring(body);
      const words = tag.split(' ');
      const command = words[0];
      const rowCount = parseInt(words[words.length - 1], 10);
      if (CHANGING.has(command)) affectedRows += rowCount;
      const result: Results & { command?: string; rowCount?: number } = { rows, fields, affectedRows, command };
      if (!Number.isNaN(rowCount)) result.rowCount = rowCount;
      results.push(result as Results);
      fields = [];
      parse = [];
      rows = [];
    } else if (code === CODE.parameterDescription) {
      const count = data.readUInt16BE(body);
      parameterTypes = Array.from({ length: count }, (_, i) => data.readInt32BE(body + 2 + 4 * i));
    } else if (code === CODE.error && !error) {
      const found: Record<string, string> = {};
      for (let p = body; data[p] !== 0; ) {
        const key = String.fromCharCode(data[p]);
        const [value, after] = cstring(p + 1);
        found[key] = value;
        p = after;
      }
      error = new messages.DatabaseError(found.M, length, 'error');
      for (const [key, name] of Object.entries(ERROR_FIELDS)) (error as unknown as Record<string, string | undefined>)[name] = found[key];
    }
    at = next;
  }
  if (results.length === 0) results.push({ affectedRows: 0, rows: [], fields: [] });
  return { results, parameterTypes, error };
}
