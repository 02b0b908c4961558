// The case lifecycle as pure functions (DESIGN.md "Case lifecycle"). Every move a user can
// make is checked here, so the server actions and the tests share one set of rules.
//
//   open ──► investigating ──► pending_decision ──► escalated / cleared
//     └──────────┴──── reopen (CSO) ◄─────────────────────┘
import { can, PERMISSIONS, type Permission } from '@/lib/auth/permissions';
import type { CaseStatus, Role } from '@/lib/domain';

export const MIN_RATIONALE_LENGTH = 20;
/** Shown next to the Rationale field. */
export const RATIONALE_HINT = `At least ${MIN_RATIONALE_LENGTH} characters: what you relied on, for the record.`;

export type CaseMove = 'start_investigating' | 'submit_for_decision' | 'escalate' | 'clear' | 'reopen';

export interface CaseSnapshot {
  status: CaseStatus;
  assigneeId: string | null;
  submittedForDecisionById: string | null;
}

export interface Actor {
  id: string;
  role: Role;
}

export interface MoveOptions {
  rationale?: string;
  /** An organization with a single CSO may waive the two-person rule (the audit log says so). */
  twoPersonRuleEnabled?: boolean;
}

export type MoveResult = { ok: true; status: CaseStatus } | { ok: false; error: string };

const TARGET: Record<CaseMove, CaseStatus> = {
  start_investigating: 'investigating',
  submit_for_decision: 'pending_decision',
  escalate: 'escalated',
  clear: 'cleared',
  reopen: 'investigating',
};

const ALLOWED_FROM: Record<CaseMove, readonly CaseStatus[]> = {
  start_investigating: ['open'],
  submit_for_decision: ['investigating'],
  escalate: ['investigating', 'pending_decision'],
  clear: ['investigating', 'pending_decision'],
  reopen: ['escalated', 'cleared'],
};

// Who may make each move comes from the one permissions matrix.
const PERMISSION_FOR: Record<CaseMove, Permission> = {
  start_investigating: 'case:work',
  submit_for_decision: 'case:work',
  escalate: 'case:decide',
  clear: 'case:decide',
  reopen: 'case:decide',
};

export const MOVE_LABELS: Record<CaseMove, string> = {
  start_investigating: 'Start investigating',
  submit_for_decision: 'Submit for decision',
  escalate: 'Escalate',
  clear: 'Clear',
  reopen: 'Reopen',
};

const NEEDS_RATIONALE: readonly CaseMove[] = ['escalate', 'clear', 'reopen'];

export function isDecision(move: CaseMove): boolean {
  return move === 'escalate' || move === 'clear';
}

/** The moves open to this actor on this case now, for showing the right buttons. */
export function availableMoves(snapshot: CaseSnapshot, actor: Actor, options: MoveOptions = {}): CaseMove[] {
  return (Object.keys(TARGET) as CaseMove[]).filter(
    (move) => applyMove(snapshot, move, actor, { ...options, rationale: 'x'.repeat(MIN_RATIONALE_LENGTH) }).ok,
  );
}

export function applyMove(snapshot: CaseSnapshot, move: CaseMove, actor: Actor, options: MoveOptions = {}): MoveResult {
  if (!can(actor.role, PERMISSION_FOR[move])) {
    const allowed = PERMISSIONS[PERMISSION_FOR[move]].join(' or ');
    return { ok: false, error: `Only ${allowed} may ${MOVE_LABELS[move].toLowerCase()} a case.` };
  }
  if (!ALLOWED_FROM[move].includes(snapshot.status)) {
    return {
      ok: false,
      error: `A case that is ${snapshot.status.replace('_', ' ')} cannot be moved by "${MOVE_LABELS[move]}".`,
    };
  }
  if (NEEDS_RATIONALE.includes(move)) {
    const rationale = (options.rationale ?? '').trim();
    if (rationale.length < MIN_RATIONALE_LENGTH) {
      return { ok: false, error: `A written rationale of at least ${MIN_RATIONALE_LENGTH} characters is required.` };
    }
  }
  if (isDecision(move) && (options.twoPersonRuleEnabled ?? true)) {
    if (actor.id === snapshot.assigneeId || actor.id === snapshot.submittedForDecisionById) {
      return {
        ok: false,
        error: 'Two-person rule: the reviewer who decides must not be the one who investigated this case.',
      };
    }
  }
  return { ok: true, status: TARGET[move] };
}
