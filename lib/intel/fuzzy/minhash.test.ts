import { describe, expect, it } from 'vitest';
import { bandKeys, estimateJaccard, exactJaccard, minhashSignature, NEAR_DUPLICATE_JACCARD, PERMUTATIONS } from './minhash';

const RESUME = `Senior backend engineer with eight years of experience building payment platforms in Go and
Java. Led the migration of a monolithic ledger to event-sourced microservices processing two million
transactions per day. Designed idempotent retry logic for card settlement, cut incident volume by
forty percent and mentored five engineers. Previously built internal tooling for fraud analysts,
including a rule engine with a React front end and a PostgreSQL back end. Comfortable with
Kubernetes, Terraform, Kafka and observability stacks; on call for tier one services for four years.`;

const OTHER = `Data scientist focused on forecasting demand for grocery delivery. Built gradient boosted models
in Python and deployed them with Airflow and dbt; partnered with operations to reduce spoilage by
twelve percent. Taught an internal course on causal inference and wrote the team's experimentation
guidelines. Earlier worked as a research assistant studying urban mobility with GPS traces, publishing
two peer reviewed papers on commuting patterns and congestion pricing in mid sized European cities.`;

function edit(text: string, every: number): string {
  return text
    .split(/\s+/)
    .map((word, i) => (i % every === 0 ? `${word}x` : word))
    .join(' ');
}

describe('MinHash near-duplicate detection', () => {
  it('is deterministic: one text, one signature, always', () => {
    expect(minhashSignature(RESUME)).toEqual(minhashSignature(RESUME));
    expect(minhashSignature(RESUME)).toHaveLength(PERMUTATIONS);
  });

  it('ignores case, punctuation and spacing', () => {
    expect(minhashSignature(RESUME)).toEqual(minhashSignature(RESUME.toUpperCase().replaceAll(',', ' ;  ')));
  });

  it('estimates the Jaccard similarity of the 5-gram sets within a few points', () => {
    for (const every of [40, 25, 15, 8]) {
      const edited = edit(RESUME, every);
      const estimate = estimateJaccard(minhashSignature(RESUME)!, minhashSignature(edited)!);
      expect(Math.abs(estimate - exactJaccard(RESUME, edited))).toBeLessThan(0.15);
    }
  });

  it('rates a lightly edited résumé a near-duplicate and an unrelated one not', () => {
    const edited = edit(RESUME, 40);
    expect(estimateJaccard(minhashSignature(RESUME)!, minhashSignature(edited)!)).toBeGreaterThanOrEqual(NEAR_DUPLICATE_JACCARD);
    expect(estimateJaccard(minhashSignature(RESUME)!, minhashSignature(OTHER)!)).toBeLessThan(0.1);
  });

  it('makes near-duplicates share an LSH band key, unrelated texts none', () => {
    const share = (a: string, b: string) => bandKeys(minhashSignature(a)!).some((k) => bandKeys(minhashSignature(b)!).includes(k));
    expect(share(RESUME, edit(RESUME, 30))).toBe(true);
    expect(share(RESUME, OTHER)).toBe(false);
  });

  it('gives no signature to a text too short to compare', () => {
    expect(minhashSignature('Go developer, five years.')).toBeNull();
  });
});
