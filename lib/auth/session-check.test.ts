import { describe, expect, it } from 'vitest';
import { PENDING_SECOND_FACTOR_SECONDS } from './mfa/policy';
import { judgeSession, passSecondFactor, SESSION_IDLE_TIMEOUT_SECONDS, SESSION_MAX_AGE_SECONDS, type SessionSubject, startSession } from './session-check';

const user: SessionSubject = { id: '0b6f8a9e-3c1d-4e2f-9a7b-5c6d7e8f9a0b', email: 'lead@hirewatch.test', name: 'Lead', role: 'lead', disabled: false, sessionVersion: 3 };
const signIn = new Date('2026-03-02T09:00:00Z');
const later = (seconds: number) => new Date(signIn.getTime() + seconds * 1000);

describe('limits', () => {
  it('ends a session after 8 hours, or after 30 idle minutes', () => {
    expect(SESSION_MAX_AGE_SECONDS).toBe(8 * 3600);
    expect(SESSION_IDLE_TIMEOUT_SECONDS).toBe(30 * 60);
  });
});

describe('startSession', () => {
  it('records who, the session version, and when, in seconds', () => {
    expect(startSession(user, signIn)).toEqual({
      sub: user.id,
      email: user.email,
      name: user.name,
      role: 'lead',
      sessionVersion: 3,
      signedInAt: signIn.getTime() / 1000,
      lastSeen: signIn.getTime() / 1000,
      mfa: 'none',
    });
  });

  it('starts a cso or admin session pending its second factor, with the challenge', () => {
    for (const role of ['cso', 'admin'] as const) {
      expect(startSession({ ...user, role }, signIn, 'challenge-1')).toMatchObject({ role, mfa: 'pending', mfaChallenge: 'challenge-1' });
      expect(() => startSession({ ...user, role }, signIn)).toThrow(/challenge/);
    }
  });
});

describe('second factor', () => {
  const cso = { ...user, role: 'cso' as const };
  const pending = startSession(cso, signIn, 'challenge-1');

  it('keeps a pending session for 10 minutes, then ends it', () => {
    expect(PENDING_SECOND_FACTOR_SECONDS).toBe(600);
    expect(judgeSession(pending, cso, later(PENDING_SECOND_FACTOR_SECONDS))).toEqual({ ok: true });
    expect(judgeSession({ ...pending, lastSeen: pending.lastSeen + 300 }, cso, later(PENDING_SECOND_FACTOR_SECONDS + 1))).toEqual({ ok: false, reason: 'expired' });
  });

  it('ends a session begun without a second factor once the role needs one (a lead promoted to cso)', () => {
    expect(judgeSession(startSession(user, signIn), cso, later(60))).toEqual({ ok: false, reason: 'second-factor-required' });
  });

  it.each([
    ['no second-factor state', { ...startSession(user, signIn), mfa: undefined }],
    ['an unknown state', { ...startSession(user, signIn), mfa: 'skipped' }],
    ['pending without a challenge', { ...pending, mfaChallenge: undefined }],
  ])('refuses %s', (_label, claims) => {
    expect(judgeSession(claims, cso, later(60))).toEqual({ ok: false, reason: 'malformed' });
  });

  it('passes a pending session only with a proof for its own challenge, and only once', () => {
    const passed = passSecondFactor(pending, (challenge) => challenge === 'challenge-1');
    expect(passed).toMatchObject({ mfa: 'passed' });
    expect(passed).not.toHaveProperty('mfaChallenge');
    // A passed session is no longer bound by the 10-minute pending limit.
    expect(judgeSession({ ...passed, lastSeen: passed.lastSeen + 3600 }, cso, later(3600 + 60))).toEqual({ ok: true });
    expect(passSecondFactor(pending, () => false)).toBe(pending);
    expect(passSecondFactor(startSession(user, signIn), () => true)).toMatchObject({ mfa: 'none' });
  });
});

describe('judgeSession', () => {
  const token = startSession(user, signIn);

  it('accepts a fresh session', () => {
    expect(judgeSession(token, user, later(60))).toEqual({ ok: true });
  });

  it('refuses once the user is disabled or gone', () => {
    expect(judgeSession(token, { ...user, disabled: true }, later(60))).toEqual({ ok: false, reason: 'disabled' });
    expect(judgeSession(token, null, later(60))).toEqual({ ok: false, reason: 'unknown-user' });
    expect(judgeSession(token, { ...user, id: '1b6f8a9e-3c1d-4e2f-9a7b-5c6d7e8f9a0b' }, later(60))).toEqual({ ok: false, reason: 'unknown-user' });
  });

  it('refuses a token of an older (or newer) session version', () => {
    expect(judgeSession(token, { ...user, sessionVersion: 4 }, later(60))).toEqual({ ok: false, reason: 'stale-version' });
    expect(judgeSession(token, { ...user, sessionVersion: 2 }, later(60))).toEqual({ ok: false, reason: 'stale-version' });
  });

  it('allows exactly 30 idle minutes and refuses a second more', () => {
    expect(judgeSession(token, user, later(SESSION_IDLE_TIMEOUT_SECONDS))).toEqual({ ok: true });
    expect(judgeSession(token, user, later(SESSION_IDLE_TIMEOUT_SECONDS + 1))).toEqual({ ok: false, reason: 'idle' });
  });

  it('counts idle time from the last renewal, not from sign-in', () => {
    const renewed = { ...token, lastSeen: token.lastSeen + 3600 };
    expect(judgeSession(renewed, user, later(3600 + SESSION_IDLE_TIMEOUT_SECONDS - 5))).toEqual({ ok: true });
  });

  it('ends an active session 8 hours after sign-in all the same', () => {
    const busy = { ...token, lastSeen: token.signedInAt + SESSION_MAX_AGE_SECONDS };
    expect(judgeSession(busy, user, later(SESSION_MAX_AGE_SECONDS))).toEqual({ ok: true });
    expect(judgeSession({ ...busy, lastSeen: busy.lastSeen + 1 }, user, later(SESSION_MAX_AGE_SECONDS + 1))).toEqual({ ok: false, reason: 'expired' });
  });

  it.each([
    ['no claims at all (a token from before they existed)', { sub: user.id }],
    ['a subject that is not a user id', { ...startSession(user, signIn), sub: 'admin' }],
    ['a version that is not a whole number', { ...startSession(user, signIn), sessionVersion: '3' }],
    ['a fractional time', { ...startSession(user, signIn), lastSeen: 1.5 }],
  ])('refuses %s', (_label, claims) => {
    expect(judgeSession(claims, user, later(60))).toEqual({ ok: false, reason: 'malformed' });
  });
});
