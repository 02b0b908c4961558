// A scope whose statements run on PostgreSQL's generic plan, planned once per statement and
// kept, instead of a plan made for each call's values.
//
// Why: PGlite keeps every query text as a prepared statement (pglite-statements.ts), and in
// the default mode PostgreSQL keeps re-planning a statement whenever a plan made for the
// values looks cheaper than the generic one. For the matching reads of one case (its
// watchlist hits, the cases sharing its identifiers) it always does, and planning is most
// of what they cost: measured on 100,000 cases and 1,000,000 watchlist entries, the pair
// took 4.1 ms at the median re-planned and about 2 ms on the kept plan. Their plans do not
// depend on the values (each is a walk from the case's own rows through indexes), which is
// what makes a generic plan safe for them; forcing it everywhere is not (the bulk import's
// `= any($1)` watchlist read took 260 ms on a generic plan).
//
// Only the embedded database's wrapper reads the scope; on a PostgreSQL server (node-postgres,
// unnamed statements planned on each call) no mode is set and the scope changes nothing.
import { AsyncLocalStorage } from 'node:async_hooks';

// One scope per process, on globalThis: the server bundles this module into more than one
// chunk (the database client is opened by one, the matching code may sit in another), and
// a scope of each chunk's own would never be seen by the client.
const globalForScope = globalThis as unknown as { hirewatchGenericPlans?: AsyncLocalStorage<true> };
const scope = (globalForScope.hirewatchGenericPlans ??= new AsyncLocalStorage<true>());

/**
 * Runs `read` with its statements on their generic plans (see above for when that is safe).
 * Awaited inside the scope: a drizzle query runs when it is awaited, not when it is built.
 */
export function withGenericPlans<T>(read: () => PromiseLike<T>): Promise<T> {
  return scope.run(true, async () => await read());
}

/** Whether the statement about to run was asked for inside withGenericPlans. */
export function inGenericPlanScope(): boolean {
  return scope.getStore() === true;
}
