// Retention and subject access on a real database. Erasure removes a cleared applicant's
// identifiers, names, free text and evidence once the retention period has passed, keeps
// every trends figure as it was, and audits each erasure without recording the erased data
// again. The subject access export holds every section and is refused to other roles.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { addIdentifier, addIndicator, addInterview, addNote, moveCase, submitCandidate } from '@/lib/cases/commands';
import { addIdentifierSchema, addIndicatorSchema, addInterviewSchema, addNoteSchema, moveSchema, submitCandidateSchema } from '@/lib/cases/validators';
import type { Database } from '@/lib/db/client';
import { attachments, auditLog, cases, decisions, identifiers, interviewRounds, notes, watchlist } from '@/lib/db/schema';
import { ROLES, type Role } from '@/lib/domain';
import { uploadEvidence } from '@/lib/evidence/commands';
import { pngBytes } from '@/lib/evidence/fixtures/samples';
import { uploadEvidenceSchema } from '@/lib/evidence/validators';
import { changeRetention, runRetention } from '@/lib/retention/commands';
import { ERASED_TEXT } from '@/lib/retention/erase';
import { getRetentionDays } from '@/lib/settings';
import { casesByRegion, casesPerMonth, decisionTimes, topIndicators } from '@/lib/trends/queries';
import { closeTestDb, createSessionUsers, createUser, openTestDb, postgresSkipped, runStep, seedReference, type TestUser } from './test-db';

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({ currentUser: async () => session.user }));

const evidenceDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hirewatch-retention-'));
process.env.HIREWATCH_EVIDENCE_DIR = evidenceDir;

const RANGE = { from: '2000-01-01', to: '2100-12-31' };

describe.skipIf(postgresSkipped)('retention and subject access', async () => {
  let db: Database;
  let people: Record<Role, SessionUser>;
  let recruiter: TestUser;
  let lead: TestUser;
  let cso: TestUser;
  const route = await import('@/app/(app)/cases/[reference]/subject-export/route');
  const refs = { old: '', recent: '', escalated: '' };

  async function candidate(name: string, email: string): Promise<string> {
    const input = submitCandidateSchema.parse({ claimedName: name, resumeName: name, jobRole: 'Backend Engineer', region: 'LATAM', source: 'agency', email });
    const { reference } = await runStep(db, recruiter, submitCandidate, input);
    await runStep(db, lead, addIdentifier, addIdentifierSchema.parse({ reference, kind: 'wallet', value: `0x${Buffer.from(name).toString('hex').padEnd(40, '0').slice(0, 40)}`, source: 'Payroll form' }));
    await runStep(db, lead, addIndicator, addIndicatorSchema.parse({ reference, code: 'voip_phone', evidence: `${name} used a VoIP number.` }));
    await runStep(db, lead, addInterview, addInterviewSchema.parse({ reference, heldOn: '2026-01-05', kind: 'technical', interviewer: 'Ana', nameUsed: `${name} Jr`, outcome: 'hold', notes: `${name} kept the camera off.` }));
    await runStep(db, lead, addNote, addNoteSchema.parse({ reference, body: `Called ${name}'s reference.` }));
    await runStep(db, lead, uploadEvidence, uploadEvidenceSchema.parse({ reference, file: new File([new Uint8Array(pngBytes())], `${name}-id.png`) }));
    await runStep(db, lead, uploadEvidence, uploadEvidenceSchema.parse({ reference, file: new File([`Screening call with ${name}.\n`], 'call.txt') }));
    return reference;
  }

  async function decide(reference: string, move: 'clear' | 'escalate') {
    const version = async () => (await db.select({ v: cases.version }).from(cases).where(eq(cases.reference, reference)))[0].v;
    await runStep(db, lead, moveCase, moveSchema.parse({ reference, move: 'start_investigating', version: await version(), rationale: '' }));
    await runStep(db, cso, moveCase, moveSchema.parse({ reference, move, version: await version(), rationale: `Decision on ${reference}: identity checks considered in full.` }));
  }

  async function backdate(reference: string, days: number) {
    const when = sql`now() - make_interval(days => ${days})`;
    await db.update(cases).set({ decidedAt: when }).where(eq(cases.reference, reference));
    const [row] = await db.select({ id: cases.id }).from(cases).where(eq(cases.reference, reference));
    await db.update(decisions).set({ decidedAt: when }).where(eq(decisions.caseId, row.id));
  }

  const trends = async () => ({ perMonth: await casesPerMonth(RANGE), byRegion: await casesByRegion(RANGE), indicators: await topIndicators(RANGE), times: await decisionTimes(RANGE) });
  const caseOf = async (reference: string) => (await db.select().from(cases).where(eq(cases.reference, reference)))[0];

  beforeAll(async () => {
    db = await openTestDb();
    await seedReference(db);
    people = await createSessionUsers(db);
    recruiter = await createUser(db, 'recruiter', 'retention-recruiter');
    lead = await createUser(db, 'lead', 'retention-lead');
    cso = await createUser(db, 'cso', 'retention-cso');
    refs.old = await candidate('Olda Person', 'olda.person@example.org');
    refs.recent = await candidate('Recenta Person', 'recenta.person@example.org');
    refs.escalated = await candidate('Escala Person', 'escala.person@example.org');
    await decide(refs.old, 'clear');
    await decide(refs.recent, 'clear');
    await decide(refs.escalated, 'escalate');
    await backdate(refs.old, 400);
    await backdate(refs.recent, 30);
    await backdate(refs.escalated, 400);
  });

  afterAll(async () => {
    await closeTestDb();
    fs.rmSync(evidenceDir, { recursive: true, force: true });
  });

  it('validates and audits the retention setting (default 365 days)', async () => {
    expect(await getRetentionDays(db)).toBe(365);
    await runStep(db, people.admin as TestUser, changeRetention, { days: 200 });
    expect(await getRetentionDays(db)).toBe(200);
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.targetId, 'retention_days'));
    expect(entry).toMatchObject({ action: 'settings.changed', before: { retentionDays: 365 }, after: { retentionDays: 200 } });
    const { retentionDaysSchema } = await import('@/lib/retention/validators');
    for (const bad of ['0', '29', '3651', '12.5', 'soon']) expect(retentionDaysSchema.safeParse({ days: bad }).success, bad).toBe(false);
    await runStep(db, people.admin as TestUser, changeRetention, { days: 365 });
  });

  it('a dry run lists only the cleared case past the period and changes nothing', async () => {
    const before = await db.select().from(identifiers);
    const run = await db.transaction((tx) => runRetention(tx, { dryRun: true }));
    expect(run.erased).toEqual([refs.old]);
    expect(run.audit).toEqual([]);
    expect(await db.select().from(identifiers)).toEqual(before);
  });

  it('erases identifiers, names, free text and evidence of that case, keeps every trends figure, and audits it without the erased data', async () => {
    const figures = await trends();
    const old = await caseOf(refs.old);
    const files = await db.select().from(attachments).where(eq(attachments.caseId, old.id));
    const stored = (type: string) => {
      const sha256 = files.find((f) => f.mediaType === type)!.sha256;
      return path.join(evidenceDir, sha256.slice(0, 2), sha256);
    };
    expect(fs.existsSync(stored('image/png')) && fs.existsSync(stored('text/plain'))).toBe(true);

    const run = await runStep(db, people.admin as TestUser, (tx) => runRetention(tx), undefined);
    expect(run.erased).toEqual([refs.old]);

    const erased = await caseOf(refs.old);
    expect(erased).toMatchObject({ claimedName: `Erased ${refs.old}`, resumeName: `Erased ${refs.old}`, status: 'cleared', region: 'LATAM' });
    expect(erased.erasedAt).not.toBeNull();
    expect(await db.select().from(identifiers).where(eq(identifiers.caseId, old.id))).toEqual([]);
    expect(await db.select().from(notes).where(eq(notes.caseId, old.id))).toEqual([]);
    expect(await db.select().from(attachments).where(eq(attachments.caseId, old.id))).toEqual([]);
    const [round] = await db.select().from(interviewRounds).where(eq(interviewRounds.caseId, old.id));
    expect(round).toMatchObject({ nameUsed: `Erased ${refs.old}`, notes: '', kind: 'technical', outcome: 'hold' });
    const [decision] = await db.select().from(decisions).where(eq(decisions.caseId, old.id));
    expect(decision).toMatchObject({ outcome: 'cleared', rationale: ERASED_TEXT });
    expect(JSON.stringify(erased)).not.toMatch(/Olda/);
    expect(fs.existsSync(stored('text/plain')), 'its own file is deleted from disk').toBe(false);
    expect(fs.existsSync(stored('image/png')), 'the same PNG is still attached to the other cases').toBe(true);

    expect(await trends()).toEqual(figures);

    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, 'case.erased'));
    expect(entry).toMatchObject({ targetId: refs.old, actorId: people.admin.id, after: { reason: 'retention', retentionDays: 365, removed: { identifiers: 2, notes: 1, attachments: 2, watchlistEntries: 0 } } });
    expect(JSON.stringify(entry)).not.toMatch(/Olda|olda\.person|0x/);

    // The recent clearance and the escalated case are untouched.
    expect((await caseOf(refs.recent)).claimedName).toBe('Recenta Person');
    expect((await caseOf(refs.escalated)).claimedName).toBe('Escala Person');
    expect((await db.transaction((tx) => runRetention(tx, { dryRun: true }))).erased).toEqual([]);
  });

  it('exports everything held on an applicant to CSOs and admins only, audited', async () => {
    const get = () => route.GET(new Request(`http://localhost/cases/${refs.escalated}/subject-export`, { headers: { 'user-agent': 'vitest-sar' } }), { params: Promise.resolve({ reference: refs.escalated }) });
    session.user = null;
    expect((await get()).status).toBe(401);
    for (const role of ROLES) {
      session.user = people[role];
      const response = await get();
      if (!can(role, 'subject:export')) {
        expect(response.status, role).toBe(403);
        expect(await response.text()).not.toMatch(/Escala/);
        continue;
      }
      expect(response.status, role).toBe(200);
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="hirewatch-subject-${refs.escalated}.json"`);
      const body = await response.json();
      for (const section of ['case', 'identifiers', 'indicators', 'interviews', 'proofing', 'notes', 'attachments', 'decisions', 'watchlistEntries', 'network', 'auditEntries']) {
        expect(body, section).toHaveProperty(section);
      }
      expect(body.case).toMatchObject({ reference: refs.escalated, claimedName: 'Escala Person' });
      expect(body.identifiers.map((i: { kind: string }) => i.kind).sort()).toEqual(['email', 'wallet']);
      expect(body.notes[0].body).toContain('Escala Person');
      expect(body.attachments[0]).toMatchObject({ mediaType: 'image/png', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(body.decisions[0]).toMatchObject({ outcome: 'escalated' });
      expect(body.watchlistEntries.length).toBeGreaterThan(0);
      expect(body.auditEntries.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['case.submitted', 'case.note_added', 'case.decided']));
    }
    const exports = await db.select().from(auditLog).where(eq(auditLog.action, 'case.subject_exported'));
    expect(exports.map((e) => e.actorId).sort()).toEqual([people.cso.id, people.admin.id].sort());
    expect(await db.select().from(watchlist)).not.toHaveLength(0);
  });
});
