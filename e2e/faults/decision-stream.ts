// The stream of decisions of a fault drill: a CSO escalates, clears and reopens a few seeded
// cases over and over, each lane one case, one request at a time, through the real server action
// (moveCaseAction, encoded the way React's client sends it: scripts/bench/http-session.ts). Every
// attempt carries a rationale that names it, so the database can be asked afterwards which
// attempts were written, and how often. "Acknowledged" means the server answered `status: ok`;
// a request the server never answered (it was killed or stopped) may or may not have committed.
import type { HttpSession } from '../../scripts/bench/http-session';
import { serverActionId } from '../../scripts/bench/http-session';

type Status = 'open' | 'investigating' | 'pending_decision' | 'escalated' | 'cleared';
export type DecisionMove = 'escalate' | 'clear' | 'reopen';

export interface LaneCase {
  reference: string;
  status: Status;
  version: number;
}

export interface DecisionAttempt {
  lane: number;
  reference: string;
  move: DecisionMove;
  rationale: string;
  /** performance.now() when the request was sent and when its answer (or error) came. */
  sentAt: number;
  answeredAt?: number;
  outcome: 'pending' | 'acknowledged' | 'refused' | 'no answer';
  refusal?: string;
  /** For 'no answer': why (ECONNREFUSED: refused at the door; a reset or closed socket: cut off or an idle keep-alive closed). */
  error?: string;
}

const TARGET: Record<DecisionMove, Status> = { escalate: 'escalated', clear: 'cleared', reopen: 'investigating' };

export function statusAfter(move: DecisionMove): Status {
  return TARGET[move];
}

export function rationalePrefix(runId: string): string {
  return `Fault drill ${runId}/`;
}

/** Reopens a decided case; otherwise clears it, escalating every third time (escalation also fills the watchlist). */
function nextMove(status: Status, n: number): DecisionMove {
  if (status === 'escalated' || status === 'cleared') return 'reopen';
  return n % 3 === 0 ? 'escalate' : 'clear';
}

/** The version the case page was rendered with: the hidden field of its decision form. */
export async function pageVersion(session: HttpSession, reference: string): Promise<number> {
  const page = await session.request(`/cases/${reference}`);
  const match = /name="version" value="(\d+)"/.exec(page.body);
  if (page.status !== 200 || !match) throw new Error(`No decision form on /cases/${reference} (${page.status}).`);
  return Number(match[1]);
}

export class DecisionStream {
  readonly attempts: DecisionAttempt[] = [];
  readonly lanes: LaneCase[];
  private readonly initial: LaneCase[];
  private readonly moveAction = serverActionId('lib/cases/actions', 'moveCaseAction');
  private readonly counts: number[];
  private running: Promise<void>[] = [];
  private stopping = false;

  constructor(
    private session: HttpSession,
    readonly runId: string,
    cases: LaneCase[],
  ) {
    this.initial = cases.map((c) => ({ ...c }));
    this.lanes = cases.map((c) => ({ ...c }));
    this.counts = cases.map(() => 0);
  }

  /** Each lane's case as the stream found it. */
  initialCases(): LaneCase[] {
    return this.initial.map((c) => ({ ...c }));
  }

  /** Runs every lane until stop(), a refusal or the first request without an answer; `limit` decisions per lane at most. */
  run(limit = Infinity): void {
    this.stopping = false;
    this.running = this.lanes.map((_, lane) => this.lane(lane, limit));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.running);
  }

  /** Waits for the lanes to end by themselves (their limit reached, or the server gone). */
  async settled(): Promise<void> {
    await Promise.all(this.running);
  }

  acknowledged(): DecisionAttempt[] {
    return this.attempts.filter((a) => a.outcome === 'acknowledged');
  }

  unanswered(): DecisionAttempt[] {
    return this.attempts.filter((a) => a.outcome === 'no answer');
  }

  /** The longest an acknowledged decision waited for its answer (a running import holds requests up). */
  slowestAnswerMs(): number {
    return Math.max(0, ...this.acknowledged().map((a) => a.answeredAt! - a.sentAt));
  }

  refused(): DecisionAttempt[] {
    return this.attempts.filter((a) => a.outcome === 'refused');
  }

  /**
   * After a restart, as a reviewer reloading the page would: each lane reads its case's version
   * and learns whether the attempt left without an answer was written. Returns those lanes'
   * attempts that the server says committed.
   */
  async resync(session: HttpSession): Promise<DecisionAttempt[]> {
    this.session = session;
    const committed: DecisionAttempt[] = [];
    for (const [index, lane] of this.lanes.entries()) {
      const version = await pageVersion(session, lane.reference);
      const lost = this.attempts.filter((a) => a.lane === index && a.outcome === 'no answer').at(-1);
      if (version === lane.version + 1 && lost) {
        committed.push(lost);
        lane.version = version;
        lane.status = statusAfter(lost.move);
      } else if (version !== lane.version) {
        throw new Error(`${lane.reference} is at version ${version}; the stream expected ${lane.version} or one more.`);
      }
    }
    return committed;
  }

  private async lane(index: number, limit: number): Promise<void> {
    const lane = this.lanes[index];
    for (let sent = 0; sent < limit && !this.stopping; sent++) {
      const n = ++this.counts[index];
      const move = nextMove(lane.status, n);
      const rationale = `${rationalePrefix(this.runId)}${lane.reference}/${n}: identity checks and the indicators on file weighed, for the record.`;
      const attempt: DecisionAttempt = { lane: index, reference: lane.reference, move, rationale, sentAt: performance.now(), outcome: 'pending' };
      this.attempts.push(attempt);
      try {
        const answer = await this.session.action(`/cases/${lane.reference}`, this.moveAction, { reference: lane.reference, version: String(lane.version), move, rationale });
        attempt.answeredAt = performance.now();
        if (answer.status === 200 && answer.body.includes('"status":"ok"')) {
          attempt.outcome = 'acknowledged';
          lane.version += 1;
          lane.status = statusAfter(move);
        } else {
          attempt.outcome = 'refused';
          attempt.refusal = `${answer.status}: ${answer.body.slice(-300)}`;
          return;
        }
      } catch (error) {
        // Connection refused or reset: the server is gone (or stopped listening).
        attempt.answeredAt = performance.now();
        attempt.outcome = 'no answer';
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        attempt.error = cause?.code ?? cause?.message ?? String(error);
        return;
      }
    }
  }
}
