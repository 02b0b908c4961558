// An executive reads the trends: aggregates and public figures, never a candidate's name or
// contact details, and no way into the case files.
import { expect, seededCandidateData, seededCase, signIn, test } from './fixtures';

// What each chart heading says (components/charts/*-panels.tsx), loosely, so a reworded
// title still names the same chart.
const CHART_HEADINGS = [
  /funds stolen.*per year/i,
  /largest .*incidents/i,
  /cases per month/i,
  /cases by .*region/i,
  /most frequent indicators/i,
  /median time .*decision/i,
  /public incidents by victim region/i,
  /public incidents by entry vector/i,
];

test('an executive reads the trends and nothing about candidates', async ({ page }) => {
  await signIn(page, 'exec');
  await expect(page).toHaveURL(/\/trends$/);
  await expect(page.getByRole('heading', { name: 'Trends', level: 1 })).toBeVisible();
  for (const name of CHART_HEADINGS) {
    await expect(page.getByRole('heading', { name, level: 2 }), `chart heading ${name}`).toBeVisible();
  }
  // Every chart is a section named by its heading.
  const charts = page.locator('section.trend-card');
  expect(await charts.count()).toBeGreaterThanOrEqual(CHART_HEADINGS.length);

  // The whole response, RSC payload included, carries no candidate's name or email.
  const html = await (await page.request.get('/trends')).text();
  const rendered = await page.content();
  const { names, emails } = seededCandidateData();
  for (const text of [html, rendered]) {
    expect(text).not.toContain('@gmail.com');
    for (const email of emails) expect(text).not.toContain(email);
    for (const name of names) expect(text, `the trends page shows "${name}"`).not.toContain(name);
  }

  const seeded = seededCase(0);
  for (const path of [`/cases/${seeded.reference}`, '/cases', '/clearance']) {
    const response = await page.goto(path);
    expect(response?.status(), `GET ${path}`).toBe(403);
    expect(await page.content()).not.toContain(seeded.claimedName);
  }
});
