// Evidence attachments on a real database: the upload step stores the bytes under their
// SHA-256 outside the web root and records who/when/size/type/hash, audited without the
// file name; the download route (called as every role and signed out) serves only leads and
// CSOs, as an attachment of the detected type, and refuses bytes changed on disk.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { submitCandidate } from '@/lib/cases/commands';
import { submitCandidateSchema } from '@/lib/cases/validators';
import type { Database } from '@/lib/db/client';
import { attachments, auditLog } from '@/lib/db/schema';
import { ROLES, type Role } from '@/lib/domain';
import { uploadEvidence } from '@/lib/evidence/commands';
import { HTML, pngBytes, TEXT } from '@/lib/evidence/fixtures/samples';
import { sha256Hex } from '@/lib/evidence/store';
import { uploadEvidenceSchema } from '@/lib/evidence/validators';
import { closeTestDb, createSessionUsers, countRows, createUser, errorChainText, openTestDb, postgresSkipped, runStep, seedReference, type TestUser } from './test-db';

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({ currentUser: async () => session.user }));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'user-agent': 'vitest', 'x-forwarded-for': '203.0.113.9' }) }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const evidenceDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hirewatch-evidence-'));
process.env.HIREWATCH_EVIDENCE_DIR = evidenceDir;

function get(url: string): Request {
  return new Request(`http://localhost${url}`, { headers: { 'user-agent': 'vitest-evidence', 'x-forwarded-for': '203.0.113.5' } });
}

describe.skipIf(postgresSkipped)('evidence attachments', async () => {
  let db: Database;
  let lead: TestUser;
  let reference: string;
  let people: Record<Role, SessionUser>;
  const route = await import('@/app/(app)/cases/[reference]/attachments/[id]/route');

  const upload = (bytes: Buffer, name: string, type = 'application/octet-stream') =>
    runStep(db, lead, uploadEvidence, uploadEvidenceSchema.parse({ reference, file: new File([new Uint8Array(bytes)], name, { type }) }));
  const download = (ref: string, id: string) => route.GET(get(`/cases/${ref}/attachments/${id}`), { params: Promise.resolve({ reference: ref, id }) });

  beforeAll(async () => {
    db = await openTestDb();
    await seedReference(db);
    people = await createSessionUsers(db);
    lead = await createUser(db, 'lead', 'uploader');
    const input = submitCandidateSchema.parse({ claimedName: 'Evidence Person', resumeName: 'Evidence Person', jobRole: 'SRE', region: 'EU', source: 'referral', email: 'evidence.person@example.org' });
    reference = (await runStep(db, lead, submitCandidate, input)).reference;
  });

  afterAll(async () => {
    await closeTestDb();
    fs.rmSync(evidenceDir, { recursive: true, force: true });
  });

  it('stores a PNG named "passport-scan.pdf" as a PNG under its SHA-256, and audits hash, size and type but not the name', async () => {
    const png = pngBytes();
    const result = await upload(png, 'passport-scan.pdf', 'application/pdf');
    expect(result.sha256).toBe(sha256Hex(png));
    const stored = path.join(evidenceDir, result.sha256.slice(0, 2), result.sha256);
    expect(fs.readFileSync(stored).equals(png)).toBe(true);
    expect(fs.readdirSync(evidenceDir, { recursive: true }).join('\n')).not.toMatch(/passport/);

    const [row] = await db.select().from(attachments).where(eq(attachments.sha256, result.sha256));
    expect(row).toMatchObject({ fileName: 'passport-scan.pdf', mediaType: 'image/png', sizeBytes: png.length, uploadedById: lead.id });
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, 'case.evidence_uploaded'));
    expect(entry).toMatchObject({ actorId: lead.id, targetId: reference, after: { attachmentId: row.id, sha256: result.sha256, sizeBytes: png.length, mediaType: 'image/png' } });
    expect(JSON.stringify(entry)).not.toMatch(/passport/);
  });

  it('refuses an HTML page named "photo.png" and the same file twice, storing nothing', async () => {
    const rows = await countRows(db, 'attachments');
    const audits = await countRows(db, 'audit_log');
    await expect(upload(HTML, 'photo.png', 'image/png')).rejects.toThrow(/not PDF, PNG/);
    await expect(upload(pngBytes(), 'again.png')).rejects.toThrow(/already attached/);
    expect(await countRows(db, 'attachments')).toBe(rows);
    expect(await countRows(db, 'audit_log')).toBe(audits);
    expect(fs.readdirSync(evidenceDir, { recursive: true }).filter((f) => String(f).includes(sha256Hex(HTML)))).toEqual([]);
  });

  it('downloads only for leads and CSOs: 401 signed out, 403 for the other roles, before any lookup', async () => {
    const [row] = await db.select().from(attachments).where(eq(attachments.mediaType, 'image/png'));
    session.user = null;
    expect((await download(reference, row.id)).status).toBe(401);
    for (const role of ROLES) {
      session.user = people[role];
      const response = await download(reference, row.id);
      if (!can(role, 'evidence:read')) {
        expect(response.status, role).toBe(403);
        expect(await response.text()).not.toMatch(/passport|png/i);
        continue;
      }
      expect(response.status, role).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="passport-scan.png"; filename*=UTF-8''passport-scan.png`);
      expect(Buffer.from(await response.arrayBuffer()).equals(pngBytes())).toBe(true);
    }
    const downloads = await db.select().from(auditLog).where(eq(auditLog.action, 'case.evidence_downloaded'));
    expect(downloads.map((d) => d.actorId).sort()).toEqual([people.lead.id, people.cso.id].sort());
    expect(downloads[0]).toMatchObject({ targetId: reference, ip: '203.0.113.5', after: { attachmentId: row.id, sha256: row.sha256 } });
  });

  it('answers 404 for an unknown id, a malformed one, or an id of another case', async () => {
    session.user = people.cso;
    const [row] = await db.select().from(attachments).where(eq(attachments.mediaType, 'image/png'));
    expect((await download(reference, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await download(reference, '../../etc/passwd')).status).toBe(404);
    expect((await download('HW-2026-9999', row.id)).status).toBe(404);
  });

  it('refuses to send bytes changed on disk, and audits the failure', async () => {
    const result = await upload(TEXT, 'call-notes.txt', 'text/plain');
    const [row] = await db.select().from(attachments).where(eq(attachments.sha256, result.sha256));
    session.user = people.lead;
    const ok = await download(reference, row.id);
    expect(ok.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    fs.writeFileSync(path.join(evidenceDir, result.sha256.slice(0, 2), result.sha256), 'tampered');
    const refused = await download(reference, row.id);
    expect(refused.status).toBe(409);
    expect(await refused.text()).not.toContain('tampered');
    const failures = await db.select().from(auditLog).where(and(eq(auditLog.action, 'case.evidence_integrity_failed'), eq(auditLog.targetId, reference)));
    expect(failures).toHaveLength(1);
    expect(failures[0].after).toMatchObject({ attachmentId: row.id, sha256: result.sha256, found: sha256Hex(Buffer.from('tampered')) });
  });

  it('takes the file through the server-action wrapper; a refused one comes back as a field error, never echoed', async () => {
    const { uploadEvidenceAction } = await import('@/lib/evidence/actions');
    const form = (bytes: Buffer, name: string) => {
      const data = new FormData();
      data.append('reference', reference);
      data.append('file', new File([new Uint8Array(bytes)], name));
      return data;
    };
    session.user = people.lead;
    const refused = await uploadEvidenceAction({ status: 'idle' }, form(HTML, 'cv.png'));
    expect(refused).toMatchObject({ status: 'error', fieldErrors: { file: [expect.stringMatching(/markup are refused/)] } });
    expect(refused.values).toEqual({ reference });
    const empty = await uploadEvidenceAction({ status: 'idle' }, form(Buffer.alloc(0), ''));
    expect(empty.fieldErrors?.file?.[0]).toMatch(/Choose a file/);
    const ok = await uploadEvidenceAction({ status: 'idle' }, form(Buffer.from('Reference check: number on the CV is a VoIP line.\n'), 'reference-check.txt'));
    expect(ok).toMatchObject({ status: 'ok', message: expect.stringMatching(/SHA-256 [0-9a-f]{64}/) });
  });

  it('refuses a file above HIREWATCH_EVIDENCE_MAX_BYTES in the form schema', () => {
    process.env.HIREWATCH_EVIDENCE_MAX_BYTES = '16';
    try {
      const parsed = uploadEvidenceSchema.safeParse({ reference, file: new File([new Uint8Array(TEXT)], 'big.txt') });
      expect(parsed.success).toBe(false);
      expect(errorChainText(parsed.error)).toMatch(/at most 16 B/);
    } finally {
      delete process.env.HIREWATCH_EVIDENCE_MAX_BYTES;
    }
  });
});
