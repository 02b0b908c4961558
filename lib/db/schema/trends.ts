// The public figures the executive trends compare the company's own against.
import { date, integer, numeric, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

export const publicIncidents = pgTable('public_incidents', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  occurredOn: date('occurred_on').notNull(),
  usdMillionsLow: numeric('usd_millions_low', { mode: 'number' }).notNull(),
  usdMillionsHigh: numeric('usd_millions_high', { mode: 'number' }).notNull(),
  victim: text('victim').notNull(),
  victimCountry: text('victim_country').notNull(),
  region: text('region').notNull(),
  vector: text('vector').notNull(),
  vectorDetail: text('vector_detail').notNull(),
  attribution: text('attribution').notNull(),
  confidence: text('confidence').notNull(),
});

export const yearlyTotals = pgTable(
  'yearly_totals',
  {
    year: integer('year').notNull(),
    period: text('period').notNull(),
    source: text('source').notNull(),
    usdMillions: numeric('usd_millions', { mode: 'number' }).notNull(),
    incidents: integer('incidents'),
    basis: text('basis').notNull(),
    confidence: text('confidence').notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.source] })],
);
