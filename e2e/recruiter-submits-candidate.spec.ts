// A recruiter submits a candidate and follows its clearance, and learns nothing more: no
// case list, no case file (not even their own candidate's), no other recruiter's candidates.
import { clearanceRow, submitCandidate } from './case-steps';
import { expect, seededCase, signIn, test, uniqueCandidate } from './fixtures';

test('a recruiter submits a candidate and sees only its clearance', async ({ page }) => {
  await signIn(page, 'recruiter');
  await expect(page).toHaveURL(/\/clearance$/);
  await expect(page.getByRole('heading', { name: 'Clearance', level: 1 })).toBeVisible();

  const candidate = uniqueCandidate({ region: 'EU', source: 'referral', phone: '+44 20 7946 0958' });
  const reference = await submitCandidate(page, candidate);

  const row = clearanceRow(page, candidate.claimedName);
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(reference);
  await expect(row).toContainText(candidate.jobRole);
  await expect(row).toContainText('Under review');

  // Another recruiter's candidate (seed index 1 was submitted by recruiter2) is not listed.
  const othersCandidate = seededCase(1);
  expect(othersCandidate.claimedName).toBe('Kevin Parker');
  const table = page.getByRole('region', { name: 'Your submissions' });
  await expect(table.getByRole('cell', { name: othersCandidate.claimedName, exact: true })).toHaveCount(0);
  await expect(table.getByRole('cell', { name: othersCandidate.reference, exact: true })).toHaveCount(0);

  // The case list, the case file of their own candidate and a seeded case are all forbidden,
  // and the 403 page says nothing about the case asked for.
  const seeded = seededCase(0);
  for (const [path, secrets] of [
    ['/cases', [seeded.claimedName]],
    [`/cases/${reference}`, [candidate.claimedName, candidate.email, candidate.jobRole]],
    [`/cases/${seeded.reference}`, [seeded.claimedName, seeded.email]],
  ] as const) {
    const response = await page.goto(path);
    expect(response?.status(), `GET ${path}`).toBe(403);
    await expect(page.getByRole('heading', { name: /403/ })).toBeVisible();
    const html = await page.content();
    for (const secret of secrets) expect(html, `${path} must not show ${secret}`).not.toContain(secret);
  }
});
