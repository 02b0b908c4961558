// A security lead imports an ATS export (CSV) on /import: the headers are detected and mapped,
// the preview shows the first applicants, and the progress bar runs to the end; the one broken
// row is reported with its line number and can be downloaded.
import { expect, signInViaApi, test, uniqueToken } from './fixtures';

test('a lead imports a CSV and watches the progress bar finish', async ({ page }) => {
  const run = uniqueToken();
  const rows = Array.from({ length: 600 }, (_, i) => {
    const region = i === 41 ? 'MOON' : 'EU'; // row 42 of the data = file line 43
    return `ATS-${run}-${i},Applicant ${run} ${i},Applicant ${run} ${i},Backend engineer,${region},job_board,applicant.${run}.${i}@example.org`;
  });
  const csv = ['Candidate ID,Full Name,Resume Name,Job Title,Site,Channel,Email', ...rows].join('\n');

  await signInViaApi(page, 'lead');
  await page.goto('/import');
  await page.getByLabel('File (CSV or JSON Lines)').setInputFiles({ name: 'ats-export.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });

  // Detected from the headers; "Site" is not a known name for the region: the lead maps it.
  await expect(page.getByLabel('ATS id (externalId) *')).toHaveValue('0');
  await expect(page.getByLabel('Email', { exact: true })).toHaveValue('6');
  await page.getByLabel('Region (NA, EU, UK, APAC, LATAM, MEA) *').selectOption({ label: 'Site' });
  const preview = page.getByRole('table', { name: 'Import preview' });
  await expect(preview.getByRole('row')).toHaveCount(6);
  await expect(preview).toContainText(`ATS-${run}-0`);
  await expect(preview).toContainText(`email: applicant.${run}.0@example.org`);

  await page.getByRole('button', { name: 'Start import' }).click();
  await expect(page).toHaveURL(/\/import\?job=[0-9a-f-]{36}$/);
  const progress = page.getByRole('progressbar', { name: 'Import progress' });
  await expect(progress).toBeVisible();
  await expect(page.getByText('Import finished')).toBeVisible({ timeout: 60_000 });
  await expect(progress).toHaveAttribute('value', '600');
  await expect(page.getByText('599 imported, 1 refused, of 600.')).toBeVisible();
  const refused = page.getByRole('table').filter({ hasText: 'Why it was refused' });
  await expect(refused.getByRole('row')).toHaveCount(2);
  await expect(refused).toContainText('43');
  await expect(refused).toContainText('region');

  const download = await page.request.get(await page.getByRole('link', { name: 'Download errors (CSV)' }).getAttribute('href') as string);
  expect(download.status()).toBe(200);
  expect(await download.text()).toMatch(/line,message[\s\S]*43,/);

  // The job lives in the database: a reload shows the same finished import.
  await page.reload();
  await expect(page.getByText('599 imported, 1 refused, of 600.')).toBeVisible();
});
