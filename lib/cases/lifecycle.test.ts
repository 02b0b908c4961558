import { describe, expect, it } from 'vitest';
import type { CaseStatus, Role } from '@/lib/domain';
import {
  type Actor,
  applyMove,
  availableMoves,
  type CaseMove,
  type CaseSnapshot,
  isDecision,
  MIN_RATIONALE_LENGTH,
  MOVE_LABELS,
} from './lifecycle';

const STATUSES: CaseStatus[] = ['open', 'investigating', 'pending_decision', 'escalated', 'cleared'];
const MOVES: CaseMove[] = ['start_investigating', 'submit_for_decision', 'escalate', 'clear', 'reopen'];
const ROLES: Role[] = ['recruiter', 'lead', 'cso', 'exec', 'admin'];

/** The lifecycle of DESIGN.md, written out by hand: status → move → resulting status. */
const LEGAL: Record<CaseStatus, Partial<Record<CaseMove, CaseStatus>>> = {
  open: { start_investigating: 'investigating' },
  investigating: { submit_for_decision: 'pending_decision', escalate: 'escalated', clear: 'cleared' },
  pending_decision: { escalate: 'escalated', clear: 'cleared' },
  escalated: { reopen: 'investigating' },
  cleared: { reopen: 'investigating' },
};

/** Who may make each move at all. */
const MOVE_ROLES: Record<Role, readonly CaseMove[]> = {
  recruiter: [],
  exec: [],
  admin: [],
  lead: ['start_investigating', 'submit_for_decision'],
  cso: ['start_investigating', 'submit_for_decision', 'escalate', 'clear', 'reopen'],
};

const ROLE_ERROR: Record<CaseMove, string> = {
  start_investigating: 'Only lead or cso may start investigating a case.',
  submit_for_decision: 'Only lead or cso may submit for decision a case.',
  escalate: 'Only cso may escalate a case.',
  clear: 'Only cso may clear a case.',
  reopen: 'Only cso may reopen a case.',
};

const STATUS_WORDS: Record<CaseStatus, string> = {
  open: 'open',
  investigating: 'investigating',
  pending_decision: 'pending decision',
  escalated: 'escalated',
  cleared: 'cleared',
};

const RATIONALE_ERROR = 'A written rationale of at least 20 characters is required.';
const TWO_PERSON_ERROR = 'Two-person rule: the reviewer who decides must not be the one who investigated this case.';
const GOOD_RATIONALE = 'Shared wallet with an escalated case and a failed live ID check.';

const INVESTIGATOR = 'user-investigator';
const SUBMITTER = 'user-submitter';

function snapshot(status: CaseStatus, overrides: Partial<CaseSnapshot> = {}): CaseSnapshot {
  return { status, assigneeId: INVESTIGATOR, submittedForDecisionById: SUBMITTER, ...overrides };
}

function actor(role: Role, id = `user-${role}-other`): Actor {
  return { id, role };
}

describe('constants', () => {
  it('requires at least 20 characters of rationale', () => {
    expect(MIN_RATIONALE_LENGTH).toBe(20);
  });

  it('labels every move with the accessible button names', () => {
    expect(MOVE_LABELS).toEqual({
      start_investigating: 'Start investigating',
      submit_for_decision: 'Submit for decision',
      escalate: 'Escalate',
      clear: 'Clear',
      reopen: 'Reopen',
    });
  });

  it.each([
    ['start_investigating', false],
    ['submit_for_decision', false],
    ['escalate', true],
    ['clear', true],
    ['reopen', false],
  ] as const)('isDecision(%s) is %s', (move, expected) => {
    expect(isDecision(move)).toBe(expected);
  });
});

describe('applyMove: every status × move × role', () => {
  const table = STATUSES.flatMap((status) =>
    MOVES.flatMap((move) => ROLES.map((role) => ({ status, move, role }))),
  );

  it('covers 125 combinations', () => {
    expect(table).toHaveLength(125);
  });

  it.each(table)('$role: $move from $status', ({ status, move, role }) => {
    const result = applyMove(snapshot(status), move, actor(role), { rationale: GOOD_RATIONALE });
    const target = LEGAL[status][move];
    if (!MOVE_ROLES[role].includes(move)) {
      expect(result).toEqual({ ok: false, error: ROLE_ERROR[move] });
    } else if (target === undefined) {
      expect(result).toEqual({
        ok: false,
        error: `A case that is ${STATUS_WORDS[status]} cannot be moved by "${MOVE_LABELS[move]}".`,
      });
    } else {
      expect(result).toEqual({ ok: true, status: target });
    }
  });

  it('lets a CSO walk the whole happy path and back', () => {
    const cso = actor('cso');
    const lead = actor('lead', INVESTIGATOR);
    let s = snapshot('open');
    const steps: [CaseMove, Actor, CaseStatus][] = [
      ['start_investigating', lead, 'investigating'],
      ['submit_for_decision', lead, 'pending_decision'],
      ['escalate', cso, 'escalated'],
      ['reopen', cso, 'investigating'],
      ['clear', cso, 'cleared'],
      ['reopen', cso, 'investigating'],
    ];
    for (const [move, who, expected] of steps) {
      const result = applyMove(s, move, who, { rationale: GOOD_RATIONALE });
      expect(result).toEqual({ ok: true, status: expected });
      s = { ...s, status: expected };
    }
  });
});

describe('applyMove: roles', () => {
  it.each(['recruiter', 'exec', 'admin'] as const)('%s can make no move from any status', (role) => {
    for (const status of STATUSES) {
      for (const move of MOVES) {
        const result = applyMove(snapshot(status), move, actor(role), {
          rationale: GOOD_RATIONALE,
          twoPersonRuleEnabled: false,
        });
        expect(result.ok).toBe(false);
      }
    }
  });

  it.each(['escalate', 'clear'] as const)('a lead cannot %s, even from pending decision with a rationale', (move) => {
    expect(applyMove(snapshot('pending_decision'), move, actor('lead'), { rationale: GOOD_RATIONALE })).toEqual({
      ok: false,
      error: ROLE_ERROR[move],
    });
  });

  it.each(['escalated', 'cleared'] as const)('a lead cannot reopen a %s case', (status) => {
    expect(applyMove(snapshot(status), 'reopen', actor('lead'), { rationale: GOOD_RATIONALE })).toEqual({
      ok: false,
      error: 'Only cso may reopen a case.',
    });
  });

  it('a lead may start investigating and submit for decision', () => {
    expect(applyMove(snapshot('open'), 'start_investigating', actor('lead'))).toEqual({
      ok: true,
      status: 'investigating',
    });
    expect(applyMove(snapshot('investigating'), 'submit_for_decision', actor('lead'))).toEqual({
      ok: true,
      status: 'pending_decision',
    });
  });

  it('checks the role before the status', () => {
    // Recruiter trying an illegal move: the role message wins.
    expect(applyMove(snapshot('escalated'), 'start_investigating', actor('recruiter'))).toEqual({
      ok: false,
      error: ROLE_ERROR.start_investigating,
    });
  });
});

describe('applyMove: rationale', () => {
  const cso = actor('cso');
  const exactly20 = 'a'.repeat(20);
  const only19 = 'b'.repeat(19);

  it.each(['escalate', 'clear'] as const)('%s accepts exactly 20 characters', (move) => {
    expect(applyMove(snapshot('pending_decision'), move, cso, { rationale: exactly20 })).toEqual({
      ok: true,
      status: move === 'escalate' ? 'escalated' : 'cleared',
    });
  });

  it('reopen accepts exactly 20 characters', () => {
    expect(applyMove(snapshot('cleared'), 'reopen', cso, { rationale: exactly20 })).toEqual({
      ok: true,
      status: 'investigating',
    });
  });

  const refused: [string, string | undefined][] = [
    ['19 characters', only19],
    ['no rationale', undefined],
    ['an empty rationale', ''],
    ['only whitespace', ' '.repeat(40)],
    ['19 characters padded with spaces to 25', `   ${only19}   `],
    ['19 characters padded with newlines and tabs', `\n\t${only19}\t\n`],
  ];

  describe.each(refused)('%s', (_label, rationale) => {
    it.each([
      ['pending_decision', 'escalate'],
      ['pending_decision', 'clear'],
      ['investigating', 'escalate'],
      ['investigating', 'clear'],
      ['escalated', 'reopen'],
      ['cleared', 'reopen'],
    ] as const)('from %s, %s is refused', (status, move) => {
      expect(applyMove(snapshot(status), move, cso, { rationale })).toEqual({ ok: false, error: RATIONALE_ERROR });
    });
  });

  it('counts the rationale after trimming: 20 characters inside whitespace pass', () => {
    expect(applyMove(snapshot('pending_decision'), 'clear', cso, { rationale: `  ${exactly20}  ` })).toEqual({
      ok: true,
      status: 'cleared',
    });
  });

  it.each(['start_investigating', 'submit_for_decision'] as const)('%s needs no rationale', (move) => {
    const from: CaseStatus = move === 'start_investigating' ? 'open' : 'investigating';
    expect(applyMove(snapshot(from), move, actor('lead')).ok).toBe(true);
    expect(applyMove(snapshot(from), move, actor('lead'), { rationale: '' }).ok).toBe(true);
  });

  it('checks the status before the rationale', () => {
    expect(applyMove(snapshot('open'), 'escalate', cso)).toEqual({
      ok: false,
      error: 'A case that is open cannot be moved by "Escalate".',
    });
  });

  it('checks the rationale before the two-person rule', () => {
    expect(applyMove(snapshot('pending_decision'), 'escalate', actor('cso', INVESTIGATOR), { rationale: 'short' })).toEqual({
      ok: false,
      error: RATIONALE_ERROR,
    });
  });
});

describe('applyMove: two-person rule', () => {
  const decisions = [
    ['escalate', 'escalated'],
    ['clear', 'cleared'],
  ] as const;
  const from = ['investigating', 'pending_decision'] as const;

  describe.each(decisions)('%s', (move, target) => {
    it.each(from)('the assignee (a CSO) cannot decide from %s', (status) => {
      expect(applyMove(snapshot(status), move, actor('cso', INVESTIGATOR), { rationale: GOOD_RATIONALE })).toEqual({
        ok: false,
        error: TWO_PERSON_ERROR,
      });
    });

    it.each(from)('the CSO who submitted for decision cannot decide from %s', (status) => {
      expect(applyMove(snapshot(status), move, actor('cso', SUBMITTER), { rationale: GOOD_RATIONALE })).toEqual({
        ok: false,
        error: TWO_PERSON_ERROR,
      });
    });

    it('is enforced when explicitly switched on', () => {
      expect(
        applyMove(snapshot('pending_decision'), move, actor('cso', SUBMITTER), {
          rationale: GOOD_RATIONALE,
          twoPersonRuleEnabled: true,
        }),
      ).toEqual({ ok: false, error: TWO_PERSON_ERROR });
    });

    it.each(from)('another CSO may decide from %s', (status) => {
      expect(applyMove(snapshot(status), move, actor('cso', 'user-second-cso'), { rationale: GOOD_RATIONALE })).toEqual({
        ok: true,
        status: target,
      });
    });

    it('switched off, the assignee and the submitter may decide', () => {
      for (const id of [INVESTIGATOR, SUBMITTER]) {
        expect(
          applyMove(snapshot('pending_decision'), move, actor('cso', id), {
            rationale: GOOD_RATIONALE,
            twoPersonRuleEnabled: false,
          }),
        ).toEqual({ ok: true, status: target });
      }
    });

    it('an unassigned, never-submitted case may be decided by any CSO', () => {
      const unowned = snapshot('investigating', { assigneeId: null, submittedForDecisionById: null });
      expect(applyMove(unowned, move, actor('cso', 'user-anyone'), { rationale: GOOD_RATIONALE })).toEqual({
        ok: true,
        status: target,
      });
    });
  });

  it('does not apply to reopen: the CSO who investigated may reopen', () => {
    expect(applyMove(snapshot('escalated'), 'reopen', actor('cso', INVESTIGATOR), { rationale: GOOD_RATIONALE })).toEqual({
      ok: true,
      status: 'investigating',
    });
  });

  it('does not apply to the investigation moves', () => {
    expect(applyMove(snapshot('open'), 'start_investigating', actor('cso', INVESTIGATOR))).toEqual({
      ok: true,
      status: 'investigating',
    });
    expect(applyMove(snapshot('investigating'), 'submit_for_decision', actor('cso', INVESTIGATOR))).toEqual({
      ok: true,
      status: 'pending_decision',
    });
  });
});

describe('availableMoves', () => {
  const cso = actor('cso', 'user-second-cso');

  it.each([
    ['open', 'lead', ['start_investigating']],
    ['open', 'cso', ['start_investigating']],
    ['investigating', 'lead', ['submit_for_decision']],
    ['investigating', 'cso', ['submit_for_decision', 'escalate', 'clear']],
    ['pending_decision', 'lead', []],
    ['pending_decision', 'cso', ['escalate', 'clear']],
    ['escalated', 'lead', []],
    ['escalated', 'cso', ['reopen']],
    ['cleared', 'lead', []],
    ['cleared', 'cso', ['reopen']],
  ] as const)('%s case, %s (not the investigator) → %j', (status, role, expected) => {
    expect(availableMoves(snapshot(status), actor(role))).toEqual(expected);
  });

  it.each(['recruiter', 'exec', 'admin'] as const)('%s has no move on any case', (role) => {
    for (const status of STATUSES) {
      expect(availableMoves(snapshot(status), actor(role), { twoPersonRuleEnabled: false })).toEqual([]);
    }
  });

  it('hides the decisions from the assignee and the submitter', () => {
    expect(availableMoves(snapshot('investigating'), actor('cso', INVESTIGATOR))).toEqual(['submit_for_decision']);
    expect(availableMoves(snapshot('pending_decision'), actor('cso', INVESTIGATOR))).toEqual([]);
    expect(availableMoves(snapshot('pending_decision'), actor('cso', SUBMITTER))).toEqual([]);
  });

  it('shows them again when the two-person rule is off', () => {
    expect(availableMoves(snapshot('pending_decision'), actor('cso', SUBMITTER), { twoPersonRuleEnabled: false })).toEqual([
      'escalate',
      'clear',
    ]);
    expect(availableMoves(snapshot('investigating'), actor('cso', INVESTIGATOR), { twoPersonRuleEnabled: false })).toEqual([
      'submit_for_decision',
      'escalate',
      'clear',
    ]);
  });

  it('offers decisions and reopen without a rationale yet (the form asks for it)', () => {
    expect(availableMoves(snapshot('pending_decision'), cso, { rationale: '' })).toEqual(['escalate', 'clear']);
    expect(availableMoves(snapshot('cleared'), cso, { rationale: 'no' })).toEqual(['reopen']);
  });

  it('agrees with applyMove for every status, role and move', () => {
    for (const status of STATUSES) {
      for (const role of ROLES) {
        const who = actor(role);
        const expected = MOVES.filter((move) => applyMove(snapshot(status), move, who, { rationale: GOOD_RATIONALE }).ok);
        expect(availableMoves(snapshot(status), who)).toEqual(expected);
      }
    }
  });
});
