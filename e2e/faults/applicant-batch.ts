// The bulk import of a fault drill: JSON Lines of applicant records (docs/applicant-record.md)
// sent to POST /api/v1/candidates/batch with a lead API token, and the job read back from
// GET /api/v1/jobs/{id}. Records carry different numbers of identifiers, indicators and interview
// rounds, so a record written in part would show; three lines are broken on purpose, so the job's
// refused count and line numbers are checked across the interruption too.
import type { JobView as QueuedJobView } from '../../lib/jobs/queue';

export interface ExpectedRecord {
  identifiers: number;
  indicators: number;
  interviews: number;
}

export interface DrillBatch {
  runId: string;
  lines: string[];
  /** 1-based numbers of the lines the import must refuse. */
  brokenLines: number[];
  /** The valid records by externalId, with what a whole import of each writes. */
  expected: Map<string, ExpectedRecord>;
}

/** What GET /api/v1/jobs/{jobId} answers. */
export type JobView = Pick<QueuedJobView, 'jobId' | 'status' | 'total' | 'done' | 'failed' | 'errors'>;

const REGIONS = ['NA', 'EU', 'UK', 'APAC', 'LATAM', 'MEA'] as const;

export function externalIdPrefix(runId: string): string {
  return `FD-${runId}-`;
}

function record(runId: string, i: number, yesterday: string) {
  const name = `Drill Applicant ${runId} ${i}`;
  const identifiers: { kind: string; value: string }[] = [{ kind: 'email', value: `drill.${runId}.${i}@example.org` }];
  if (i % 2 === 0) identifiers.push({ kind: 'github', value: `drill-${runId}-${i}` });
  if (i % 3 === 0) identifiers.push({ kind: 'device', value: `drill-device-${runId}-${i}` });
  const indicators: { code: string; evidence: string }[] = [];
  if (i % 4 === 0) indicators.push({ code: 'photo_ai_generated', evidence: 'The same face appears on two profiles (drill).' });
  if (i % 8 === 0) indicators.push({ code: 'name_spelling_inconsistent', evidence: 'Name spelled two ways across documents (drill).' });
  const interviews = i % 5 === 0 ? [{ date: yesterday, kind: 'technical', interviewer: 'Drill panel', nameUsed: name, observations: ['high_latency'] }] : [];
  return {
    externalId: `${externalIdPrefix(runId)}${i}`,
    claimedName: name,
    resumeName: name,
    role: 'Backend engineer',
    region: REGIONS[i % REGIONS.length],
    source: 'ats_import',
    identifiers,
    indicators,
    interviews,
  };
}

export function drillBatch(runId: string, size: number): DrillBatch {
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const brokenLines = [7, Math.floor(size / 2), size - 3];
  const lines: string[] = [];
  const expected = new Map<string, ExpectedRecord>();
  for (let line = 1; line <= size; line++) {
    const value = record(runId, line, yesterday);
    if (line === brokenLines[0]) lines.push(JSON.stringify({ ...value, region: 'MOON' })); // refused by the schema
    else if (line === brokenLines[1]) lines.push(`{"externalId": "${value.externalId}", "claimedName": `); // not JSON
    else if (line === brokenLines[2]) lines.push(JSON.stringify({ ...value, indicators: [{ code: 'no_such_indicator', evidence: 'A code the catalog lacks.' }] })); // refused by the catalog check
    else {
      lines.push(JSON.stringify(value));
      expected.set(value.externalId, { identifiers: value.identifiers.length, indicators: value.indicators.length, interviews: value.interviews.length });
    }
  }
  return { runId, lines, brokenLines, expected };
}

export async function postBatch(base: string, token: string, batch: DrillBatch): Promise<string> {
  const response = await fetch(`${base}/api/v1/candidates/batch`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
    body: batch.lines.join('\n'),
  });
  const body = await response.text();
  if (response.status !== 202) throw new Error(`The batch was not accepted: ${response.status} ${body}`);
  return (JSON.parse(body) as { jobId: string }).jobId;
}

export async function readJob(base: string, token: string, jobId: string): Promise<JobView> {
  const response = await fetch(`${base}/api/v1/jobs/${jobId}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET /api/v1/jobs/${jobId}: ${response.status} ${await response.text()}`);
  return (await response.json()) as JobView;
}

/** Polls the job until it is done (or failed), at most `timeoutMs`. */
export async function jobToFinish(base: string, token: string, jobId: string, timeoutMs: number): Promise<JobView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await readJob(base, token, jobId);
    if (job.status === 'done' || job.status === 'failed') return job;
    if (Date.now() > deadline) throw new Error(`The import job did not finish within ${timeoutMs} ms: ${JSON.stringify({ ...job, errors: job.errors.length })}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
