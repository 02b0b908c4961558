// Steps of the case journeys as a person performs them in the UI, shared by the specs:
// submitting a candidate, opening a case file, filling its add-forms, moving it along.
import type { Locator, Page } from '@playwright/test';
import { expect, type Candidate } from './fixtures';

const REFERENCE = /HW-\d{4}-\d{4,}/;

/** Fills the "Submit a candidate" form on /clearance (the page must be open). */
export async function fillCandidateForm(page: Page, candidate: Candidate): Promise<Locator> {
  const form = page.getByRole('form', { name: 'Submit a candidate for screening' });
  await form.getByLabel('Name the candidate gave').fill(candidate.claimedName);
  await form.getByLabel('Name on the résumé').fill(candidate.resumeName);
  await form.getByLabel('Role applied for').fill(candidate.jobRole);
  await form.getByLabel('Targeted office / region').selectOption(candidate.region);
  await form.getByLabel('Source').selectOption(candidate.source);
  await form.getByLabel('Email', { exact: true }).fill(candidate.email);
  await form.getByLabel('Phone (optional)').fill(candidate.phone ?? '');
  await form.getByLabel('LinkedIn (optional)').fill(candidate.linkedin ?? '');
  return form;
}

/** Submits a candidate through /clearance and returns the case reference the banner names. */
export async function submitCandidate(page: Page, candidate: Candidate): Promise<string> {
  await page.goto('/clearance');
  const form = await fillCandidateForm(page, candidate);
  await form.getByRole('button', { name: 'Submit for screening' }).click();
  const banner = form.getByRole('status');
  await expect(banner).toContainText(`${candidate.claimedName} was submitted for screening as HW-`);
  const reference = (await banner.textContent())?.match(REFERENCE)?.[0];
  expect(reference, 'the success banner names the new case').toBeTruthy();
  return reference!;
}

/** The row of the clearance table that shows this candidate. */
export function clearanceRow(page: Page, claimedName: string): Locator {
  return page
    .getByRole('region', { name: /Your submissions|All candidates/ })
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: claimedName, exact: true }) });
}

export async function openCase(page: Page, reference: string): Promise<void> {
  const response = await page.goto(`/cases/${reference}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByText(reference, { exact: true }).first()).toBeVisible();
}

/** The case's status badge in the page header (linked cases carry status badges too). */
export function caseStatus(page: Page): Locator {
  return page.locator('.page-header .badge').first();
}

/** The score shown in the "Risk score" section heading. */
export async function riskScore(page: Page): Promise<number> {
  const text = await page.getByRole('heading', { name: /^Risk score/ }).locator('.risk-score').textContent();
  return Number(text);
}

/** Opens the <details> that holds an add-form (if it is not open yet) and returns the form. */
export async function openAddForm(page: Page, summary: string, formName = summary): Promise<Locator> {
  const details = page.locator('details').filter({ has: page.locator('summary', { hasText: summary }) });
  if (!(await details.evaluate((el: HTMLDetailsElement) => el.open))) {
    await details.locator('summary').click();
  }
  const form = page.getByRole('form', { name: formName });
  await expect(form).toBeVisible();
  return form;
}

/**
 * Clicks a submit button and waits until the server action has answered. A form's banner
 * may already show the same text from its previous submission, so the banner alone does
 * not tell that this submission is done.
 */
export async function submitForm(form: Locator, button: string, { buttonStays = true } = {}): Promise<void> {
  const answered = form.page().waitForResponse((r) => r.request().method() === 'POST' && r.request().headers()['next-action'] !== undefined);
  await form.getByRole('button', { name: button, exact: true }).click();
  await answered;
  // Pending, the button is disabled; enabled again, React has rendered the answer.
  if (buttonStays) await expect(form.getByRole('button', { name: button, exact: true })).toBeEnabled();
}

/** Submits an add-form and waits for its success banner. */
export async function submitAndExpectSaved(form: Locator, button: string, message: string | RegExp): Promise<void> {
  await submitForm(form, button);
  await expect(form.getByRole('status')).toContainText(message);
}

export async function addIdentifier(page: Page, kind: string, value: string): Promise<void> {
  const form = await openAddForm(page, 'Add identifier');
  await form.getByLabel('Kind').selectOption({ label: kind });
  await form.getByLabel('Value').fill(value);
  await submitAndExpectSaved(form, 'Add identifier', 'Identifier added.');
}

/** Clicks a workflow button in the decision panel and waits for the status it leads to. */
export async function moveCase(page: Page, button: string, status: string, rationale?: string): Promise<void> {
  const panel = page.getByRole('form', { name: 'Case workflow' });
  if (rationale !== undefined) await panel.getByLabel('Rationale').fill(rationale);
  await submitForm(panel, button, { buttonStays: false });
  await expect(caseStatus(page)).toHaveText(status);
}

/**
 * A fresh candidate submitted by the recruiter and worked by a lead up to "Pending decision":
 * the starting point of every decision journey. The lead becomes the case's assignee.
 */
export async function caseAwaitingDecision(recruiter: Page, lead: Page, candidate: Candidate): Promise<string> {
  const reference = await submitCandidate(recruiter, candidate);
  await openCase(lead, reference);
  await moveCase(lead, 'Start investigating', 'Investigating');
  await moveCase(lead, 'Submit for decision', 'Pending decision');
  return reference;
}
