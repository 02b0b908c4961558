// A fault drill's workload against a running server: the CSO's stream of decisions on four
// seeded cases and a bulk import through the REST API, both under way when the fault is injected.
import { HttpSession, serverActionId } from '../../scripts/bench/http-session';
import { demoCases } from '../../lib/db/seed/demo-cases';
import type { IdentifierKind } from '../../lib/domain';
import { normalizeIdentifier } from '../../lib/intel/normalize';
import { DEMO_PASSWORD, ROLES, seededCase } from '../fixtures';
import { drillBatch, externalIdPrefix, postBatch, type DrillBatch } from './applicant-batch';
import type { DrillQuery } from './data-dir';
import { DecisionStream, pageVersion, rationalePrefix, type LaneCase } from './decision-stream';
import type { RunningServer } from './server-process';

export interface Drill {
  runId: string;
  cso: HttpSession;
  token: string;
  batch: DrillBatch;
  jobId: string;
  /** The answer to the batch POST: its job id, or the error if none came. */
  accepted: Promise<{ jobId: string } | { error: string }>;
  stream: DecisionStream;
  query: DrillQuery;
}

/** An administrator creates a lead API token on /admin (the secret comes back once, in the action's answer). */
async function createLeadToken(base: string, name: string): Promise<string> {
  const admin = new HttpSession(base);
  await admin.signIn(ROLES.admin.email, DEMO_PASSWORD);
  const answer = await admin.action('/admin', serverActionId('lib/api-tokens/actions', 'createApiTokenAction'), { name, role: 'lead', expiresOn: '' });
  const secret = /"reveal":"(hw_[^"]+)"/.exec(answer.body)?.[1];
  if (!secret) throw new Error(`No token in the answer to createApiTokenAction: ${answer.status} ${answer.body.slice(-300)}`);
  return secret;
}

/**
 * Two seeded cases awaiting a decision and two cleared ones (the CSO reopens those first),
 * investigated by leads. Only cases that share no identifier with another: a decision re-scores
 * the linked cases, and a moved score gives a case a new version, which would refuse the lane
 * working on it ("this case changed").
 */
async function laneCases(cso: HttpSession): Promise<LaneCase[]> {
  const key = (kind: IdentifierKind, value: string) => {
    const normalized = normalizeIdentifier(kind, value);
    return `${kind}:${normalized.ok ? normalized.value : value}`;
  };
  const plans = demoCases().map((plan, index) => ({
    plan,
    index,
    values: [key('email', plan.email), key('phone', plan.phone), ...plan.extraIdentifiers.map((i) => key(i.kind, i.value))],
  }));
  const holders = new Map<string, number>();
  for (const { values } of plans) for (const value of values) holders.set(value, (holders.get(value) ?? 0) + 1);
  const unlinked = plans.filter(({ values }) => values.every((value) => holders.get(value) === 1));
  const pick = (status: 'pending_decision' | 'cleared') => unlinked.filter((p) => p.plan.status === status).slice(0, 2);
  const lanes: LaneCase[] = [];
  for (const { plan, index } of [...pick('pending_decision'), ...pick('cleared')]) {
    const { reference } = seededCase(index);
    lanes.push({ reference, status: plan.status, version: await pageVersion(cso, reference) });
  }
  return lanes;
}

/** Decisions acknowledged before the import is queued (a running import holds up most requests: see README "Faults: crash and shutdown"). */
export const DECISIONS_BEFORE_IMPORT = 8;

/** The server's log line for each recorded chunk of an import job (lib/jobs/server-worker.ts). */
const CHUNK_LINE = /\[jobs\] import ([0-9a-f-]{36}): (\d+) of (\d+) lines/;

/**
 * Signs in, sets the decision stream running, queues the import and waits until the import has
 * recorded its first chunk: the worker then goes on to the next one, and each decision lane has a
 * request in flight. The batch's own answer (202) is not waited for: on the embedded database the
 * server answers only between the import's chunks, so it is often still in flight too.
 */
export async function startDrill(server: RunningServer, runId: string, records: number): Promise<{ drill: Drill; firstChunk: { done: number; total: number } }> {
  const token = await createLeadToken(server.base, `fault drill ${runId}`);
  const cso = new HttpSession(server.base);
  await cso.signIn(ROLES.cso.email, DEMO_PASSWORD);
  const stream = new DecisionStream(cso, runId, await laneCases(cso));
  stream.run();
  while (stream.acknowledged().length < DECISIONS_BEFORE_IMPORT) {
    if (stream.refused().length + stream.unanswered().length > 0) throw new Error(`The decision stream stopped: ${JSON.stringify(stream.attempts.at(-1))}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const batch = drillBatch(runId, records);
  const accepted = postBatch(server.base, token, batch).then(
    (jobId) => ({ jobId }),
    (error: unknown) => ({ error: String(error) }),
  );
  const [, jobId, done, total] = await server.waitForOutput(CHUNK_LINE, 120_000);
  if (Number(done) >= Number(total)) throw new Error(`The import ended in one chunk (${done}/${total}): make the batch larger.`);
  const refused = stream.refused();
  if (refused.length > 0) throw new Error(`A decision was refused before the fault: ${refused[0].refusal}`);
  return {
    drill: {
      runId,
      cso,
      token,
      batch,
      jobId,
      accepted,
      stream,
      query: { rationalePrefix: rationalePrefix(runId), references: stream.lanes.map((l) => l.reference), externalIdPrefix: externalIdPrefix(runId), jobId },
    },
    firstChunk: { done: Number(done), total: Number(total) },
  };
}
