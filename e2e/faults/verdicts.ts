// What a fault drill must find in the database afterwards. Each check lists every problem it
// finds (so a failure names all the decisions or records at fault, not just the first).
import type { DrillBatch } from './applicant-batch';
import type { DrillState } from './data-dir';
import { statusAfter, type DecisionStream } from './decision-stream';

/**
 * Every acknowledged decision is in the database once (one decision row, one audit entry), no
 * attempt is there twice, a refused one not at all; an unanswered one at most once, or (after a
 * graceful stop, where nothing in flight may be cut off) not at all. Each case's version and
 * status are what its lane's written decisions, in order, make them.
 */
export function decisionProblems(stream: DecisionStream, state: DrillState, options: { unansweredMayHaveCommitted: boolean }): string[] {
  const problems: string[] = [];
  const attempted = new Set(stream.attempts.map((a) => a.rationale));
  for (const rationale of state.decisionRows.keys()) if (!attempted.has(rationale)) problems.push(`a decision no one sent: ${rationale}`);
  for (const attempt of stream.attempts) {
    const rows = state.decisionRows.get(attempt.rationale) ?? 0;
    const audits = state.decisionAudits.get(attempt.rationale) ?? 0;
    const name = `${attempt.move} ${attempt.rationale.split(':')[0]} (${attempt.outcome})`;
    if (rows > 1) problems.push(`${name}: ${rows} decision rows`);
    if (audits !== rows) problems.push(`${name}: ${rows} decision rows but ${audits} audit entries`);
    if (attempt.outcome === 'acknowledged' && rows !== 1) problems.push(`${name}: acknowledged but not written`);
    if (attempt.outcome === 'refused' && rows !== 0) problems.push(`${name}: refused but written`);
    if (attempt.outcome === 'no answer' && rows !== 0 && !options.unansweredMayHaveCommitted) problems.push(`${name}: written, but its answer never came`);
    if (attempt.outcome === 'pending') problems.push(`${name}: still waiting for an answer`);
  }
  for (const [index, start] of stream.initialCases().entries()) {
    const written = stream.attempts.filter((a) => a.lane === index && state.decisionRows.has(a.rationale));
    const expected = { status: written.length > 0 ? statusAfter(written[written.length - 1].move) : start.status, version: start.version + written.length };
    const found = state.cases.get(start.reference);
    if (found?.status !== expected.status || found.version !== expected.version) {
      problems.push(`${start.reference}: ${found ? `${found.status} v${found.version}` : 'missing'}, expected ${expected.status} v${expected.version} after ${written.length} decisions`);
    }
  }
  return problems;
}

/** Each imported record is whole (all its identifiers, indicators and interview rounds, one import audit entry); with `all`, every valid record is there. */
export function recordProblems(batch: DrillBatch, state: DrillState, options: { all: boolean }): string[] {
  const problems: string[] = [];
  for (const [externalId, found] of state.imported) {
    const expected = batch.expected.get(externalId);
    if (!expected) {
      problems.push(`${externalId}: a refused line was imported`);
      continue;
    }
    const { identifiers, indicators, interviews, audits } = found;
    if (identifiers !== expected.identifiers || indicators !== expected.indicators || interviews !== expected.interviews || audits !== 1) {
      problems.push(`${externalId}: ${identifiers}/${indicators}/${interviews} identifiers/indicators/interviews and ${audits} import entries, expected ${expected.identifiers}/${expected.indicators}/${expected.interviews} and 1`);
    }
  }
  if (options.all) for (const externalId of batch.expected.keys()) if (!state.imported.has(externalId)) problems.push(`${externalId}: never imported`);
  return problems;
}
