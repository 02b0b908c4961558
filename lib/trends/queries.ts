// Aggregate reads for the trends page, one function per chart. Every function returns counts,
// sums and medians only: no row of a case leaves this file, so nothing personal can reach an
// executive's browser. Public incidents are organizations and are returned as rows.
import { asc, sql, type SQL } from 'drizzle-orm';
import { getDb, rowsOf } from '@/lib/db/client';
import { yearlyTotals } from '@/lib/db/schema';
import { REGION_LABELS, REGIONS, type Region, type Severity } from '@/lib/domain';
import { isApproximate, LOW_CONFIDENCE, SUSPECTED_ATTRIBUTION, vectorGroup, vectorLabel, STAFF_VECTORS } from './figures';
import { DEFAULT_SOURCE } from './params';
import { fillMonths, monthsInRange, rangeBounds, type DateRange } from './range';
import type {
  DecisionTimes,
  DecisionTimeMonth,
  FundsByYear,
  IncidentTotals,
  IncidentsByRegion,
  IncidentsByVector,
  LargestIncidents,
  MonthOutcomes,
  PublicIncident,
  RegionOutcomes,
  TopIndicators,
} from './types';

// ---------------------------------------------------------------------------------------
// Public record

/** Yearly totals of one source (the requested one if it exists, else Chainalysis). */
export async function fundsByYear(requestedSource: string): Promise<FundsByYear> {
  const db = await getDb();
  const rows = await db.select().from(yearlyTotals).orderBy(asc(yearlyTotals.year));
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.source, (counts.get(row.source) ?? 0) + 1);
  // The default first, then the sources with the longest series.
  const sources = [...counts.keys()].sort(
    (a, b) => Number(b === DEFAULT_SOURCE) - Number(a === DEFAULT_SOURCE) || counts.get(b)! - counts.get(a)! || a.localeCompare(b),
  );
  const source = counts.has(requestedSource) ? requestedSource : (sources[0] ?? DEFAULT_SOURCE);
  const figures = rows
    .filter((row) => row.source === source)
    .map((row) => ({
      year: row.year,
      period: row.period,
      usdMillions: Number(row.usdMillions),
      incidents: row.incidents,
      basis: row.basis,
      confidence: row.confidence,
      approximate: isApproximate(row.confidence),
    }));
  return { sources, source, figures };
}

const SUSPECTED = sql.raw(`(lower(attribution) = '${SUSPECTED_ATTRIBUTION}' or lower(confidence) = '${LOW_CONFIDENCE}')`);

function incidentFilter(range: DateRange, includeSuspected: boolean): SQL {
  const inRange = sql`occurred_on >= ${range.from}::date and occurred_on <= ${range.to}::date`;
  return includeSuspected ? inRange : sql`${inRange} and not ${SUSPECTED}`;
}

/** Incidents counted and left out in the range: the figures each public chart's note quotes. */
async function incidentTotals(range: DateRange, includeSuspected: boolean): Promise<IncidentTotals> {
  const db = await getDb();
  const [row] = rowsOf<{ counted: number; usd_low: number; usd_high: number; suspected: number }>(
    await db.execute(sql`
      select count(*) filter (where ${includeSuspected ? sql`true` : sql`not ${SUSPECTED}`})::int as counted,
             coalesce(sum(usd_millions_low) filter (where ${includeSuspected ? sql`true` : sql`not ${SUSPECTED}`}), 0)::float8 as usd_low,
             coalesce(sum(usd_millions_high) filter (where ${includeSuspected ? sql`true` : sql`not ${SUSPECTED}`}), 0)::float8 as usd_high,
             count(*) filter (where ${SUSPECTED})::int as suspected
      from public_incidents
      where occurred_on >= ${range.from}::date and occurred_on <= ${range.to}::date`),
  );
  return {
    counted: row.counted,
    usdLow: row.usd_low,
    usdHigh: row.usd_high,
    suspectedLeftOut: includeSuspected ? 0 : row.suspected,
  };
}

type IncidentRow = {
  id: string;
  name: string;
  occurred_on: string;
  usd_low: number;
  usd_high: number;
  victim_country: string;
  region: string;
  vector: string;
  vector_detail: string;
  attribution: string;
  confidence: string;
  suspected: boolean;
};

const INCIDENT_COLUMNS = sql.raw(`id, name, to_char(occurred_on, 'YYYY-MM-DD') as occurred_on,
  usd_millions_low::float8 as usd_low, usd_millions_high::float8 as usd_high, victim_country, region,
  vector, vector_detail, attribution, confidence`);

function toIncident(row: IncidentRow): PublicIncident {
  return {
    id: row.id,
    name: row.name,
    occurredOn: row.occurred_on,
    usdMillionsLow: row.usd_low,
    usdMillionsHigh: row.usd_high,
    victimCountry: row.victim_country,
    region: row.region,
    vector: row.vector,
    vectorDetail: row.vector_detail,
    attribution: row.attribution,
    confidence: row.confidence,
    suspected: row.suspected,
    approximate: isApproximate(row.confidence),
  };
}

/** The largest incidents of the range by their high estimate. */
export async function largestIncidents(range: DateRange, includeSuspected: boolean, limit = 10): Promise<LargestIncidents> {
  const db = await getDb();
  const [rows, totals] = await Promise.all([
    db.execute(sql`
      select ${INCIDENT_COLUMNS}, ${SUSPECTED} as suspected
      from public_incidents
      where ${incidentFilter(range, includeSuspected)}
      order by usd_millions_high desc, occurred_on desc
      limit ${limit}`),
    incidentTotals(range, includeSuspected),
  ]);
  return { incidents: rowsOf<IncidentRow>(rows).map(toIncident), totals };
}

/** Incidents and funds by the victim's region. */
export async function incidentsByRegion(range: DateRange, includeSuspected: boolean): Promise<IncidentsByRegion> {
  const db = await getDb();
  const [rows, totals] = await Promise.all([
    db.execute(sql`
      select region, count(*)::int as incidents,
             sum(usd_millions_low)::float8 as usd_low, sum(usd_millions_high)::float8 as usd_high,
             count(*) filter (where ${SUSPECTED})::int as suspected
      from public_incidents
      where ${incidentFilter(range, includeSuspected)}
      group by region
      order by sum(usd_millions_high) desc, region`),
    incidentTotals(range, includeSuspected),
  ]);
  const regions = rowsOf<{ region: string; incidents: number; usd_low: number; usd_high: number; suspected: number }>(rows).map((row) => ({
    region: row.region,
    incidents: row.incidents,
    usdLow: row.usd_low,
    usdHigh: row.usd_high,
    suspected: row.suspected,
  }));
  return { regions, totals };
}

/** Incidents by entry vector, and the ones that went through the victim's own staff. */
export async function incidentsByVector(range: DateRange, includeSuspected: boolean): Promise<IncidentsByVector> {
  const db = await getDb();
  const staffVectors = sql.join(
    STAFF_VECTORS.map((vector) => sql`${vector}`),
    sql`, `,
  );
  const [vectorRows, staffRows, totals] = await Promise.all([
    db.execute(sql`
      select vector, count(*)::int as incidents,
             sum(usd_millions_low)::float8 as usd_low, sum(usd_millions_high)::float8 as usd_high
      from public_incidents
      where ${incidentFilter(range, includeSuspected)}
      group by vector
      order by sum(usd_millions_high) desc, vector`),
    db.execute(sql`
      select ${INCIDENT_COLUMNS}, ${SUSPECTED} as suspected
      from public_incidents
      where ${incidentFilter(range, includeSuspected)} and vector in (${staffVectors})
      order by occurred_on desc`),
    incidentTotals(range, includeSuspected),
  ]);
  const vectors = rowsOf<{ vector: string; incidents: number; usd_low: number; usd_high: number }>(vectorRows).map((row) => ({
    vector: row.vector,
    label: vectorLabel(row.vector),
    group: vectorGroup(row.vector),
    incidents: row.incidents,
    usdLow: row.usd_low,
    usdHigh: row.usd_high,
  }));
  return { vectors, staffIncidents: rowsOf<IncidentRow>(staffRows).map(toIncident), totals };
}

// ---------------------------------------------------------------------------------------
// This company's cases. Each case counts once, in the month it was submitted (created_at,
// UTC), with its current outcome: escalated, cleared, or still under review.

function caseFilter(range: DateRange): SQL {
  const { start, end } = rangeBounds(range);
  return sql`c.created_at >= ${start.toISOString()}::timestamptz and c.created_at < ${end.toISOString()}::timestamptz`;
}

const OUTCOME_COUNTS = sql.raw(`count(*) filter (where c.status = 'escalated')::int as escalated,
  count(*) filter (where c.status = 'cleared')::int as cleared,
  count(*) filter (where c.status not in ('escalated', 'cleared'))::int as under_review`);

type OutcomeRow = { escalated: number; cleared: number; under_review: number };

/** Cases submitted per month, stacked by outcome; months without cases are zero. */
export async function casesPerMonth(range: DateRange): Promise<MonthOutcomes[]> {
  const db = await getDb();
  const rows = rowsOf<OutcomeRow & { month: string }>(
    await db.execute(sql`
      select to_char(c.created_at at time zone 'UTC', 'YYYY-MM') as month, ${OUTCOME_COUNTS}
      from cases c
      where ${caseFilter(range)}
      group by 1`),
  );
  return fillMonths(
    monthsInRange(range),
    rows.map((row) => ({ month: row.month, escalated: row.escalated, cleared: row.cleared, underReview: row.under_review })),
    (month) => ({ month, escalated: 0, cleared: 0, underReview: 0 }),
  );
}

/** Cases by the office region they applied to, every region listed, stacked by outcome. */
export async function casesByRegion(range: DateRange): Promise<RegionOutcomes[]> {
  const db = await getDb();
  const rows = rowsOf<OutcomeRow & { region: Region }>(
    await db.execute(sql`
      select c.region, ${OUTCOME_COUNTS}
      from cases c
      where ${caseFilter(range)}
      group by c.region`),
  );
  const byRegion = new Map(rows.map((row) => [row.region, row]));
  return REGIONS.map((region) => {
    const row = byRegion.get(region) ?? { escalated: 0, cleared: 0, under_review: 0 };
    return {
      region,
      label: REGION_LABELS[region],
      escalated: row.escalated,
      cleared: row.cleared,
      underReview: row.under_review,
      total: row.escalated + row.cleared + row.under_review,
    };
  });
}

/** The indicators recorded on the most cases submitted in the range. */
export async function topIndicators(range: DateRange, limit = 10): Promise<TopIndicators> {
  const db = await getDb();
  const [indicatorRows, countRows] = await Promise.all([
    db.execute(sql`
      select ci.code, ic.title, ic.category, ic.severity, count(distinct ci.case_id)::int as cases
      from case_indicators ci
      join cases c on c.id = ci.case_id
      join indicator_catalog ic on ic.code = ci.code
      where ${caseFilter(range)}
      group by ci.code, ic.title, ic.category, ic.severity
      order by cases desc, ci.code
      limit ${limit}`),
    db.execute(sql`select count(*)::int as cases from cases c where ${caseFilter(range)}`),
  ]);
  return {
    indicators: rowsOf<{ code: string; title: string; category: string; severity: Severity; cases: number }>(indicatorRows),
    casesInRange: rowsOf<{ cases: number }>(countRows)[0].cases,
  };
}

/**
 * Days from submission to the first escalate-or-clear decision (a reopened case keeps its
 * first decision time), median overall and per month of submission.
 */
export async function decisionTimes(range: DateRange): Promise<DecisionTimes> {
  const db = await getDb();
  const firstDecisions = sql`
    with first_decision as (
      select c.id, c.created_at, min(d.decided_at) as decided_at
      from cases c
      join decisions d on d.case_id = c.id and d.outcome in ('escalated', 'cleared')
      where ${caseFilter(range)}
      group by c.id, c.created_at
    )`;
  const days = sql.raw(`extract(epoch from (decided_at - created_at)) / 86400.0`);
  const [monthRows, overallRows] = await Promise.all([
    db.execute(sql`${firstDecisions}
      select to_char(created_at at time zone 'UTC', 'YYYY-MM') as month,
             (percentile_cont(0.5) within group (order by ${days}))::float8 as median_days,
             count(*)::int as decided
      from first_decision
      group by 1`),
    db.execute(sql`${firstDecisions}
      select (percentile_cont(0.5) within group (order by ${days}))::float8 as median_days,
             count(*)::int as decided,
             (select count(*)::int from cases c where ${caseFilter(range)}) - count(*)::int as awaiting
      from first_decision`),
  ]);
  const months = fillMonths<DecisionTimeMonth>(
    monthsInRange(range),
    rowsOf<{ month: string; median_days: number; decided: number }>(monthRows).map((row) => ({
      month: row.month,
      medianDays: row.median_days,
      decided: row.decided,
    })),
    (month) => ({ month, medianDays: null, decided: 0 }),
  );
  const overall = rowsOf<{ median_days: number | null; decided: number; awaiting: number }>(overallRows)[0];
  return { medianDays: overall.median_days, decided: overall.decided, awaiting: overall.awaiting, months };
}
