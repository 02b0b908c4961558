// A security lead attaches a screenshot to a case file, reads its chain of custody (type
// detected from the bytes, size, SHA-256, who and when) and downloads it back intact; an
// HTML page disguised as a PNG is refused next to the file field.
import { createHash } from 'node:crypto';
import { openAddForm, openCase, submitCandidate, submitForm } from './case-steps';
import { HTML, pngBytes } from '../lib/evidence/fixtures/samples';
import { expect, test, uniqueCandidate } from './fixtures';

test('a lead attaches a screenshot, sees its SHA-256 and downloads it intact', async ({ as }) => {
  const recruiter = await as('recruiter');
  const reference = await submitCandidate(recruiter, uniqueCandidate());
  const lead = await as('lead');
  await openCase(lead, reference);

  const form = await openAddForm(lead, 'Attach evidence');
  await form.getByLabel('File').setInputFiles({ name: 'video-call.png', mimeType: 'image/png', buffer: HTML });
  await submitForm(form, 'Upload');
  await expect(form.locator('#evidence-file-error')).toContainText('markup are refused');

  const bytes = pngBytes();
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await form.getByLabel('File').setInputFiles({ name: 'video-call.png', mimeType: 'image/png', buffer: bytes });
  await submitForm(form, 'Upload');
  await expect(form.getByRole('status')).toContainText(`SHA-256 ${sha256}`);

  const evidence = lead.getByRole('region', { name: 'Evidence' });
  await expect(evidence).toContainText(sha256);
  await expect(evidence).toContainText('PNG image');
  await expect(evidence).toContainText('Uploaded by');

  const downloading = lead.waitForEvent('download');
  await evidence.getByRole('link', { name: 'video-call.png' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('video-call.png');
  const path = await download.path();
  const { readFileSync } = await import('node:fs');
  expect(createHash('sha256').update(readFileSync(path)).digest('hex')).toBe(sha256);

  // The download itself answers with the headers that keep it from rendering in the app.
  const href = await evidence.getByRole('link', { name: 'video-call.png' }).getAttribute('href');
  const response = await lead.request.get(href!);
  expect(response.headers()['content-type']).toBe('image/png');
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
  expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="video-call.png"/);

  // A recruiter gets 403 for the same URL.
  const other = await as('recruiter');
  expect((await other.request.get(href!)).status()).toBe(403);
});
