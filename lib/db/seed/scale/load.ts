// Loads the scale data set (./generate.ts) into the embedded database in bulk: COPY from an
// in-memory CSV blob, 20,000 rows a statement, with the secondary indexes of the bulk tables
// dropped during the load and rebuilt after, instead of the business steps the demo seed
// uses (those take ~50 ms a case). What the steps would have derived comes from the real code
// after the load: the fuzzy match keys by caseKeys, the planted networks checked by
// updateNetworks, and every case's risk by refreshRisk (so each stored score and explanation
// is what the app itself computes, identity networks and fuzzy matches included).
//
// Audit: one `seed.scale` entry with the counts, not one entry per generated row; the
// generated cases therefore have an empty timeline on their case file. Not atomic: each
// COPY commits on its own, so a load that fails halfway leaves a partial data set (start over
// with an empty data directory).
import type { PGlite } from '@electric-sql/pglite';
import { stringify } from 'csv-stringify/sync';
import { sql } from 'drizzle-orm';
import { appendAudit } from '@/lib/audit/log';
import { lockCaseGraph } from '@/lib/cases/commands';
import { refreshRisk } from '@/lib/cases/refresh-risk';
import { rowsOf, type Database } from '@/lib/db/client';
import { cases, indicatorCatalog, users } from '@/lib/db/schema';
import { formatReference } from '@/lib/domain';
import { caseKeys } from '@/lib/intel/fuzzy/match-keys';
import { updateNetworks } from '@/lib/intel/networks';
import { seedDemo } from '../seed';
import { generateScaleData } from './generate';
import type { Progress } from './progress';

const CHUNK = 20_000;

export interface ScaleSummary {
  cases: number;
  identifiers: number;
  indicators: number;
  decisions: number;
  watchlist: number;
  rings: number;
  ringMembers: number;
  networkCorrections: number;
  matchKeys: number;
}

type Row = (string | number | boolean | Date | null)[];

async function copyRows(client: PGlite, table: string, columns: string[], rows: Row[], progress: Progress): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const csv = stringify(chunk, { cast: { boolean: (v) => (v ? 'true' : 'false'), date: (d) => d.toISOString() } });
    await client.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob: new Blob([csv]) });
    progress.tick(chunk.length);
  }
}

/** Drops the secondary indexes of `tables` (not those behind constraints); returns the statements that rebuild them. */
async function dropIndexes(db: Database, tables: string[]): Promise<string[]> {
  const rows = rowsOf<{ name: string; definition: string }>(
    await db.execute(sql`
      select i.indexname as name, i.indexdef as definition from pg_indexes i
      where i.schemaname = 'public' and i.tablename in ${sql.raw(`(${tables.map((t) => `'${t}'`).join(', ')})`)}
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`),
  );
  for (const row of rows) await db.execute(sql.raw(`drop index "${row.name}"`));
  return rows.map((r) => r.definition);
}

/** Seeds the demo organization if needed, then `count` more cases and `watchlistTotal` watchlist entries in all. */
export async function seedScale(db: Database, options: { cases: number; watchlistTotal: number; progress: Progress; now?: Date }): Promise<ScaleSummary> {
  const { progress } = options;
  const client = (db as unknown as { $client: PGlite }).$client;
  progress.phase('demo organization', 1);
  await seedDemo(db);
  progress.tick();
  const [existing] = await db.select({ n: sql<number>`count(*)::int` }).from(cases);
  if (existing.n > 1000) throw new Error(`This database already holds ${existing.n} cases: the scale seed runs once, on a new data directory.`);

  const people = Object.fromEntries((await db.select({ id: users.id, email: users.email }).from(users)).map((u) => [u.email.split('@')[0], u]));
  const catalog = await db.select({ code: indicatorCatalog.code, title: indicatorCatalog.title, severity: indicatorCatalog.severity }).from(indicatorCatalog);
  const [watchlistBefore] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from watchlist`));

  progress.phase('generating', 1);
  const data = generateScaleData({ cases: options.cases, watchlist: Math.max(0, options.watchlistTotal - watchlistBefore.n), catalog, now: options.now });
  progress.tick();

  // References follow submission time, continuing the sequence the app draws from.
  data.cases.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const [{ last }] = rowsOf<{ last: string | number }>(await db.execute(sql`select last_value as last from case_reference_seq`));
  const base = Number(last);

  // Loaded at score 0; refreshRisk below stores the real score of every case.
  const referenced = data.cases.map((c, k) => ({ ...c, reference: formatReference(c.createdAt.getUTCFullYear(), base + k + 1) }));
  const caseRows: Row[] = referenced.map((c) => {
    return [
      c.id, c.reference, c.claimedName, c.resumeName, c.jobRole, c.region, c.source, c.status,
      0, 'low', '[]', c.assignee ? people[c.assignee].id : null, people[c.submittedBy].id,
      c.submittedForDecisionBy ? people[c.submittedForDecisionBy].id : null, c.createdAt, c.updatedAt, c.statusChangedAt, c.decidedAt, c.networkId,
    ];
  });
  const rebuild = await dropIndexes(db, ['cases', 'identifiers', 'case_indicators', 'watchlist', 'match_keys']);
  progress.phase('cases', caseRows.length);
  await copyRows(client, 'cases', ['id', 'reference', 'claimed_name', 'resume_name', 'job_role', 'region', 'source', 'status', 'risk_score', 'risk_band', 'risk_explanation', 'assignee_id', 'submitted_by_id', 'submitted_for_decision_by_id', 'created_at', 'updated_at', 'status_changed_at', 'decided_at', 'network_id'], caseRows, progress);
  await db.execute(sql`select setval('case_reference_seq', ${base + data.cases.length})`);

  progress.phase('identifiers', data.identifiers.length);
  await copyRows(client, 'identifiers', ['case_id', 'kind', 'value', 'normalized', 'source', 'first_seen_at'], data.identifiers.map((i) => [i.caseId, i.kind, i.value, i.normalized, i.source, i.firstSeenAt]), progress);

  // The fuzzy keys (names in every romanization, distinctive email handles), as every business
  // step stores them through indexForMatching.
  const emailsByCase = new Map<string, string[]>();
  for (const i of data.identifiers) if (i.kind === 'email') emailsByCase.set(i.caseId, [...(emailsByCase.get(i.caseId) ?? []), i.value]);
  const keyRows = data.cases.flatMap((c) => caseKeys(c.id, [c.claimedName, c.resumeName], emailsByCase.get(c.id) ?? []));
  progress.phase('match keys', keyRows.length);
  await copyRows(client, 'match_keys', ['case_id', 'kind', 'key', 'shown'], keyRows.map((k) => [k.caseId, k.kind, k.key, k.shown]), progress);

  progress.phase('indicators', data.indicators.length);
  await copyRows(client, 'case_indicators', ['case_id', 'code', 'evidence', 'observed_at'], data.indicators.map((i) => [i.caseId, i.code, i.evidence, i.observedAt]), progress);

  // Entries the demo organization already holds would break the unique index: leave them out.
  const stored = new Set(rowsOf<{ key: string }>(await db.execute(sql`select list || '|' || kind || '|' || normalized as key from watchlist`)).map((r) => r.key));
  data.watchlist = data.watchlist.filter((w) => !stored.has(`block|${w.kind}|${w.normalized}`));
  progress.phase('watchlist', data.watchlist.length);
  await copyRows(
    client,
    'watchlist',
    ['kind', 'value', 'normalized', 'list', 'source', 'confidence', 'expires_at', 'false_positive', 'source_case_id', 'added_by_id', 'created_at'],
    data.watchlist.map((w) => [w.kind, w.value, w.normalized, 'block', w.source, w.confidence, w.expiresAt, w.falsePositive, w.sourceCaseId, people.admin.id, w.createdAt]),
    progress,
  );

  progress.phase('indexes', rebuild.length);
  for (const statement of rebuild) {
    await db.execute(sql.raw(statement));
    progress.tick();
  }

  // The planted networks, checked by the real network code: it keeps the ids the generator
  // gave and reports as affected any case whose network it had to change.
  const ringIds = data.cases.filter((c) => c.ring !== null).map((c) => c.id);
  progress.phase('networks (verify)', 1);
  const corrections = await db.transaction(async (tx) => {
    await lockCaseGraph(tx);
    return (await updateNetworks(tx, ringIds)).affected.length;
  });
  progress.tick();

  // Every case scored by the real risk code, a slice at a time so the bar moves; the demo
  // organization's cases too, which now share names and values with generated ones.
  const allIds = (await db.select({ id: cases.id }).from(cases)).map((c) => c.id);
  progress.phase('risk scores', allIds.length);
  for (let start = 0; start < allIds.length; start += 5000) {
    const slice = allIds.slice(start, start + 5000);
    await refreshRisk(db, slice);
    progress.tick(slice.length);
  }

  // Decided cases get their decision row, with the score as it stood (the stored one).
  progress.phase('decisions', 1);
  const decided = rowsOf<{ n: number }>(
    await db.execute(sql`
      with inserted as (
        insert into decisions (case_id, outcome, rationale, risk_score, risk_explanation, decided_by_id, decided_at)
        select c.id, c.status::text,
               case when c.status = 'escalated'
                 then 'Identity could not be verified and the case shares or shows strong fraud indicators; do not hire.'
                 else 'Live ID check and local-knowledge questions passed; references reached on independently found numbers.' end,
               c.risk_score, c.risk_explanation,
               case when c.decided_at::date - c.created_at::date > 15 then ${people.cso.id}::uuid else ${people.cso2.id}::uuid end,
               c.decided_at
        from cases c
        where c.status in ('escalated', 'cleared') and c.decided_at is not null
          and not exists (select 1 from decisions d where d.case_id = c.id)
        returning 1)
      select count(*)::int as n from inserted`),
  )[0].n;
  progress.tick();

  // Last, after the risk update rewrote every case row: VACUUM sets the visibility map, so the
  // list's index-only scans skip the rows themselves.
  progress.phase('vacuum analyze', 1);
  await db.execute(sql`vacuum analyze`);
  progress.tick();

  const summary: ScaleSummary = {
    cases: data.cases.length,
    identifiers: data.identifiers.length,
    indicators: data.indicators.length,
    decisions: decided,
    watchlist: data.watchlist.length,
    rings: data.rings,
    ringMembers: ringIds.length,
    networkCorrections: corrections,
    matchKeys: keyRows.length,
  };
  await appendAudit(db, { id: people.admin.id, email: 'seed@hirewatch.local', userAgent: 'hirewatch-seed --scale' }, {
    action: 'seed.scale',
    targetType: 'database',
    targetId: 'scale',
    after: { ...summary },
  });

  progress.done();
  return summary;
}

/** Rows the scale seed wrote, for the bench to check it runs on a scaled database. */
export async function scaleSeedApplied(db: Database): Promise<boolean> {
  const rows = await db.execute(sql`select 1 from audit_log where action = 'seed.scale' limit 1`);
  return rowsOf(rows).length > 0;
}

