// One signed-in CSO reviewer of the load test, in a closed loop with no pause until told to
// stop: open the queue of cases awaiting a decision, open one case file, decide it with the
// real server action (carrying the version the page showed, as the browser form does), then
// look at the networks and the trends. Every answer is timed to its last byte and classified:
// a success, an expected race (another reviewer decided that case first), or an error.
import { performance } from 'node:perf_hooks';
import type { HttpSession } from '../bench/http-session';

export const REQUEST_KINDS = ['case list', 'case file', 'decision', 'network', 'trends'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export interface Acknowledged {
  reference: string;
  outcome: 'escalated' | 'cleared';
  reviewer: string;
}

/** What all reviewers saw, shared (the loops run in one event loop, so plain pushes are safe). */
export interface LoadTally {
  samples: Record<RequestKind, number[]>;
  acknowledged: Acknowledged[];
  /** "This case changed … reload": two reviewers raced for one case and this one lost. */
  conflicts: number;
  /** The case file showed the case already decided (the queue page was older than that decision). */
  alreadyDecided: number;
  /** Queue pages that listed no pending case at all: the pending cases ran out. */
  emptyQueues: number;
  errors: string[];
}

export function emptyTally(): LoadTally {
  return { samples: Object.fromEntries(REQUEST_KINDS.map((k) => [k, []])) as unknown as LoadTally['samples'], acknowledged: [], conflicts: 0, alreadyDecided: 0, emptyQueues: 0, errors: [] };
}

/** Queue views a reviewer picks from, so that fifty of them do not all start on the same 25 cases. */
const QUEUE_VIEWS = ['sort=updated&dir=desc', 'sort=updated&dir=asc', 'sort=risk&dir=desc', 'sort=risk&dir=asc', 'sort=name&dir=asc', 'sort=name&dir=desc'];
const RATIONALE = 'Load test decision: identity proofing results, interview notes and the linked cases reviewed against the indicators on file.';
const STALE_MESSAGE = 'This case changed since you opened it';
/** A request slower than this is an error (and stops a hung server from hanging the run). */
const REQUEST_TIMEOUT_MS = 120_000;

type Answer = { status: number; body: string };

export interface ReviewerOptions {
  session: HttpSession;
  email: string;
  moveActionId: string;
  /** Asked before each round; the loop ends when it says no. */
  keepGoing: () => boolean;
  tally: LoadTally;
  random: () => number;
}

export async function runReviewer({ session, email, moveActionId, keepGoing, tally, random }: ReviewerOptions): Promise<void> {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

  /** Times one request; a thrown error (timeout, reset) or a status other than 200 is recorded as an error and yields null. */
  async function timed(kind: RequestKind, what: string, call: (signal: AbortSignal) => Promise<Answer>, expect: (body: string) => boolean): Promise<Answer | null> {
    const started = performance.now();
    let answer: Answer;
    try {
      answer = await call(AbortSignal.timeout(REQUEST_TIMEOUT_MS));
    } catch (error) {
      tally.errors.push(`${kind} ${what}: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
    tally.samples[kind].push(performance.now() - started);
    if (answer.status !== 200 || !expect(answer.body)) {
      tally.errors.push(`${kind} ${what}: HTTP ${answer.status} …${answer.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(0, 200)}`);
      return null;
    }
    return answer;
  }

  while (keepGoing()) {
    const view = `/cases?status=pending_decision&${pick(QUEUE_VIEWS)}`;
    const queue = await timed('case list', view, (signal) => session.request(view, { signal }), (body) => body.includes('<h1>Cases</h1>'));
    const references = queue ? [...new Set([...queue.body.matchAll(/href="\/cases\/(HW-\d{4}-\d{4,})"/g)].map((m) => m[1]))] : [];
    if (queue && references.length === 0) tally.emptyQueues++;

    if (references.length > 0) {
      const reference = pick(references);
      const file = await timed('case file', reference, (signal) => session.request(`/cases/${reference}`, { signal }), (body) => body.includes(reference) && body.includes('Risk score'));
      const version = file && /name="version" value="(\d+)"/.exec(file.body)?.[1];
      if (file && !(version && file.body.includes('>Escalate<'))) tally.alreadyDecided++;
      else if (version) {
        const move = random() < 0.25 ? 'escalate' : 'clear';
        const answer = await timed('decision', reference, (signal) => session.action(`/cases/${reference}`, moveActionId, { reference, version, move, rationale: RATIONALE }, { signal }), () => true);
        if (answer) classifyDecision(answer.body, { reference, outcome: move === 'escalate' ? 'escalated' : 'cleared', reviewer: email }, tally);
      }
    }

    await timed('network', '/network', (signal) => session.request('/network', { signal }), (body) => body.includes('<h1>Networks</h1>'));
    await timed('trends', '/trends', (signal) => session.request('/trends', { signal }), (body) => body.includes('<h1>Trends</h1>'));
  }
}

/** The action's state in the RSC answer: ok (acknowledged), the stale-version conflict, or anything else (an error). */
function classifyDecision(body: string, decision: Acknowledged, tally: LoadTally): void {
  if (body.includes('"status":"ok"') && body.includes(`Case ${decision.reference}: ${decision.outcome}.`)) tally.acknowledged.push(decision);
  else if (body.includes('"conflict":true') && body.includes(STALE_MESSAGE)) tally.conflicts++;
  else tally.errors.push(`decision ${decision.reference}: unexpected answer …${body.slice(0, 300)}`);
}
