// Public reference data shipped with Hirewatch (lib/db/seed/reference/*.csv, copied from the
// project's shared data with each row's source): the indicator catalog, DPRK-attributed
// thefts by year and the major incidents. Loaded idempotently at seed time.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { DbOrTx } from '@/lib/db/client';
import { indicatorCatalog, publicIncidents, yearlyTotals } from '@/lib/db/schema';
import type { Severity } from '@/lib/domain';

function readCsv(name: string): Record<string, string>[] {
  const file = path.join(process.cwd(), 'lib/db/seed/reference', name);
  return parse(fs.readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, trim: true, relax_quotes: true });
}

export function indicatorRows() {
  return readCsv('indicators.csv').map((r) => ({
    code: r.code,
    category: r.category,
    severity: r.severity as Severity,
    title: r.title,
    guidance: r['what to look for'],
    sources: r.sources,
  }));
}

export async function seedReferenceData(db: DbOrTx): Promise<void> {
  await db.insert(indicatorCatalog).values(indicatorRows()).onConflictDoNothing();
  await db
    .insert(yearlyTotals)
    .values(
      readCsv('yearly_totals.csv').map((r) => ({
        year: Number(r.year),
        period: r.period,
        source: r.source,
        usdMillions: Number(r.usd_millions),
        incidents: r.incidents ? Number(r.incidents) : null,
        basis: r.basis,
        confidence: r.confidence,
      })),
    )
    .onConflictDoNothing();
  await db
    .insert(publicIncidents)
    .values(
      readCsv('incidents.csv').map((r) => ({
        id: r.id,
        name: r.name,
        occurredOn: r.date,
        usdMillionsLow: Number(r.usd_millions_low),
        usdMillionsHigh: Number(r.usd_millions_high),
        victim: r.victim,
        victimCountry: r.victim_country,
        region: r.region,
        vector: r.vector,
        vectorDetail: r.vector_detail,
        attribution: r.attribution,
        confidence: r.confidence,
      })),
    )
    .onConflictDoNothing();
}
