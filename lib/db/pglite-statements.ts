// PGlite runs every query as an unnamed statement: parsed and planned again each time, in six
// calls into the WASM module (parse, describe, bind, describe, execute, sync). The app runs
// the same few hundred query texts over and over with other parameters, and planning is the
// larger part of what a joined read costs inside PGlite (a millisecond or more for the reads
// that match identifiers against each other or the watchlist). So each text becomes a named
// prepared statement the first time it runs: later runs are one Bind/Describe/Execute/Sync
// batch, and PostgreSQL's plan cache keeps a generic plan once it finds one as good as the
// custom ones (it re-plans by itself when the schema changes).
//
// The answer is read from PostgreSQL's bytes by pglite-answer.ts, not by PGlite's own reader.
//
// This wraps a PGlite instance in the two methods drizzle's PGlite driver calls, `query` and
// `transaction`, with PGlite's own locking: a query outside a transaction waits for any open
// transaction, as PGlite.query does, and one inside runs in it, as Transaction.query does.
import { messages, protocol, type PGlite, type QueryOptions, type Results, type Transaction } from '@electric-sql/pglite';
import { inGenericPlanScope } from './generic-plans';
import { readAnswer, type Answer } from './pglite-answer';

const { serialize } = protocol;

/**
 * Around a statement asked for in withGenericPlans: PostgreSQL's plan cache mode, then back
 * to the configured default (nothing in the app sets the mode otherwise).
 */
const FORCE_GENERIC_PLAN = 'set plan_cache_mode = force_generic_plan';
const RESET_PLAN_MODE = 'reset plan_cache_mode';

/** Statements kept (most recently used); older ones are closed. */
const MAX_STATEMENTS = 400;
/** A text with more parameters is a one-off (a bulk step's long IN list): it runs unnamed. */
const MAX_PARAMETERS = 100;

interface Statement {
  name: string;
  parameterTypes: number[];
}

type Exclusive = <T>(fn: () => Promise<T>) => Promise<T>;

/** What PGlite keeps to itself but its own query method relies on. */
interface PgliteInternals {
  _runExclusiveTransaction: Exclusive;
  serializers: Record<number, (value: unknown) => string>;
  parsers: NonNullable<QueryOptions['parsers']>;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export type PgliteQueryClient = Pick<PGlite, 'query' | 'transaction'>;

export function withPreparedStatements(pg: PGlite): PgliteQueryClient {
  const internals = pg as unknown as PgliteInternals;
  if (typeof internals._runExclusiveTransaction !== 'function') throw new Error('This PGlite version has no _runExclusiveTransaction: review lib/db/pglite-statements.ts.');
  const statements = new Map<string, Statement>();
  /** Statements evicted from the map, closed with the next batch sent outside a transaction. */
  const toClose: string[] = [];
  let serial = 0;

  /** Sends a batch and reads PostgreSQL's answer (pglite-answer.ts); its first error is thrown. */
  async function exchange(batch: Uint8Array, options?: QueryOptions): Promise<Answer> {
    const chunks: Uint8Array[] = [];
    // The chunks are views into the WASM memory, which the next call reuses: copied.
    await pg.execProtocolRawStream(batch, { syncToFs: false, onRawData: (bytes) => void chunks.push(bytes.slice()) });
    const answer = readAnswer(chunks.length === 1 ? chunks[0] : concat(chunks), internals.parsers, options);
    if (answer.error) throw answer.error;
    return answer;
  }

  async function prepare(text: string, closing: Uint8Array[]): Promise<Statement> {
    const name = `hw_${++serial}`;
    const { parameterTypes } = await exchange(concat([...closing, serialize.parse({ name, text }), serialize.describe({ type: 'S', name }), serialize.sync()]));
    const statement = { name, parameterTypes };
    statements.set(text, statement);
    if (statements.size > MAX_STATEMENTS) {
      const [oldest, evicted] = statements.entries().next().value as [string, Statement];
      statements.delete(oldest);
      toClose.push(evicted.name);
    }
    return statement;
  }

  /** The prepared statement for `text`, prepared now if it is not kept (or no longer). */
  async function statementFor(text: string, closing: Uint8Array[]): Promise<Statement> {
    const kept = statements.get(text);
    if (!kept) {
      const prepared = await prepare(text, closing);
      closing.length = 0;
      return prepared;
    }
    // Most recently used last: eviction takes the first.
    statements.delete(text);
    statements.set(text, kept);
    return kept;
  }

  /**
   * Runs `text` as its prepared statement; the caller holds PGlite's query lock. With
   * `genericPlan` (generic-plans.ts) the batch sets plan_cache_mode around it: a SET made in
   * a batch or transaction that then fails is undone with it, so an error cannot leave it on.
   */
  async function run<T>(text: string, params: unknown[], options: QueryOptions | undefined, inTransaction: boolean, genericPlan: boolean): Promise<Results<T>> {
    // Closing is left out of transactions: a failed one would refuse it, and leak the name.
    const closing = inTransaction ? [] : toClose.splice(0).map((name) => serialize.close({ type: 'S', name }));
    const planMode = genericPlan ? [await statementFor(FORCE_GENERIC_PLAN, closing), await statementFor(RESET_PLAN_MODE, closing)] : null;
    const { parameterTypes, name } = await statementFor(text, closing);
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const serializer = options?.serializers?.[parameterTypes[i]] ?? internals.serializers[parameterTypes[i]];
      return serializer ? serializer(value) : String(value);
    });
    const execute = [serialize.bind({ statement: name, values: values as string[] }), serialize.describe({ type: 'P' }), serialize.execute({})];
    const setting = (statement: Statement) => [serialize.bind({ statement: statement.name, values: [] }), serialize.execute({})];
    const batch = concat([...closing, ...(planMode ? [...setting(planMode[0]), ...execute, ...setting(planMode[1])] : execute), serialize.sync()]);
    const { results } = await exchange(batch, options);
    if (!inTransaction) await pg.syncToFs();
    // One result per completed command: with the plan mode set around it, the statement's is the
    // one before RESET's (an empty text completes no command: then it is SET's, as empty).
    return results[planMode ? results.length - 2 : 0] as Results<T>;
  }

  async function query<T>(text: string, params: unknown[] | undefined, options: QueryOptions | undefined, inTransaction: boolean, genericPlan: boolean): Promise<Results<T>> {
    try {
      return await run<T>(text, params ?? [], options, inTransaction, genericPlan);
    } catch (error) {
      // As PGlite.query reports a failed query: the error names its text and parameters.
      if (error instanceof messages.DatabaseError) Object.assign(error, { query: text, params, queryOptions: options });
      throw error;
    }
  }

  /** Blob queries (COPY to or from a file) and texts with many parameters run as PGlite runs them. */
  const unnamed = (text: string, params: unknown[] | undefined, options: QueryOptions | undefined) => options?.blob !== undefined || (params?.length ?? 0) > MAX_PARAMETERS;

  return {
    query<T>(text: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
      if (unnamed(text, params, options)) return pg.query<T>(text, params, options);
      // Read before waiting for the locks: the scope belongs to the caller.
      const genericPlan = inGenericPlanScope();
      return internals._runExclusiveTransaction(() => pg.runExclusive(() => query<T>(text, params, options, false, genericPlan)));
    },
    transaction<T>(callback: (tx: Transaction) => Promise<T>): Promise<T> {
      return pg.transaction((tx) => {
        const prepared: Transaction = {
          query: <R>(text: string, params?: unknown[], options?: QueryOptions) => {
            if (tx.closed) throw new Error('Transaction is closed');
            if (unnamed(text, params, options)) return tx.query<R>(text, params, options);
            const genericPlan = inGenericPlanScope();
            return pg.runExclusive(() => query<R>(text, params, options, true, genericPlan));
          },
          sql: (strings, ...values) => tx.sql(strings, ...values),
          exec: (text, options) => tx.exec(text, options),
          rollback: () => tx.rollback(),
          listen: (channel, callback) => tx.listen(channel, callback),
          get closed() {
            return tx.closed;
          },
        };
        return callback(prepared);
      });
    },
  };
}
