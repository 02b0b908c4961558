// A refused form says what is wrong next to the field and keeps everything that was typed
// (React 19 resets a form after its action; the app puts the submitted values back).
import { fillCandidateForm, openAddForm, openCase, submitCandidate, submitForm } from './case-steps';
import { expect, test, uniqueCandidate, uniqueToken } from './fixtures';

test('the candidate form keeps its values after a refused submission', async ({ as }) => {
  const recruiter = await as('recruiter');
  await recruiter.goto('/clearance');
  const candidate = uniqueCandidate({ region: 'LATAM', source: 'job_board', email: 'not-an-email', phone: '12', linkedin: 'https://www.linkedin.com/in/testa-e2e' });
  const form = await fillCandidateForm(recruiter, candidate);
  await submitForm(form, 'Submit for screening');

  await expect(form.getByRole('alert').first()).toBeVisible();
  const email = form.getByLabel('Email', { exact: true });
  const phone = form.getByLabel('Phone (optional)');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription(/Not an email address/);
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await expect(phone).toHaveAccessibleDescription(/Not a phone number/);
  // The error text sits in an alert right after its field.
  await expect(form.getByRole('alert').filter({ hasText: 'Not an email address' })).toBeVisible();
  await expect(form.getByRole('alert').filter({ hasText: 'Not a phone number' })).toBeVisible();

  await expect(form.getByLabel('Name the candidate gave')).toHaveValue(candidate.claimedName);
  await expect(form.getByLabel('Name on the résumé')).toHaveValue(candidate.resumeName);
  await expect(form.getByLabel('Role applied for')).toHaveValue(candidate.jobRole);
  await expect.soft(form.getByLabel('Targeted office / region')).toHaveValue('LATAM');
  await expect.soft(form.getByLabel('Source')).toHaveValue('job_board');
  await expect(email).toHaveValue('not-an-email');
  await expect(phone).toHaveValue('12');
  await expect(form.getByLabel('LinkedIn (optional)')).toHaveValue(candidate.linkedin!);
  // Fields without a problem are not marked.
  await expect(form.getByLabel('Name the candidate gave')).not.toHaveAttribute('aria-invalid', 'true');

  // Nothing was submitted.
  await expect(recruiter.getByRole('cell', { name: candidate.claimedName, exact: true })).toHaveCount(0);
});

test('case add-forms keep their values after a refused submission', async ({ as }) => {
  const recruiter = await as('recruiter');
  const reference = await submitCandidate(recruiter, uniqueCandidate());
  const lead = await as('lead');
  await openCase(lead, reference);

  const identifier = await openAddForm(lead, 'Add identifier');
  await identifier.getByLabel('Kind').selectOption({ label: 'IP address' });
  await identifier.getByLabel('Value').fill('999.1.1.1');
  const source = `Interview platform logs ${uniqueToken()}`;
  await identifier.getByLabel('Source').fill(source);
  await submitForm(identifier, 'Add identifier');
  const value = identifier.getByLabel('Value');
  await expect(value).toHaveAttribute('aria-invalid', 'true');
  await expect(value).toHaveAccessibleDescription(/IPv4|IPv6|IP address/);
  await expect(identifier.getByRole('alert').filter({ hasNotText: /highlighted/ })).toBeVisible();
  await expect(value).toHaveValue('999.1.1.1');
  await expect.soft(identifier.getByLabel('Kind')).toHaveValue('ip');
  await expect(identifier.getByLabel('Source')).toHaveValue(source);
  await expect(lead.getByRole('region', { name: 'Identifiers' })).not.toContainText('999.1.1.1');

  const interview = await openAddForm(lead, 'Record interview round');
  const future = new Date(Date.now() + 30 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  const interviewer = `Panel ${uniqueToken()}`;
  const nameUsed = `Alias ${uniqueToken()}`;
  const notes = `Long pauses before every answer (${uniqueToken()}).`;
  await interview.getByLabel('Date', { exact: true }).fill(future);
  await interview.getByLabel('Kind').selectOption('system_design');
  await interview.getByLabel('Outcome').selectOption('hold');
  await interview.getByLabel('Interviewer').fill(interviewer);
  await interview.getByLabel('Name the candidate used').fill(nameUsed);
  await interview.getByLabel('Off-screen prompting').check();
  await interview.getByLabel('Notes').fill(notes);
  await submitForm(interview, 'Record interview');
  const date = interview.getByLabel('Date', { exact: true });
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(date).toHaveAccessibleDescription('The interview date cannot be in the future.');
  await expect(interview.getByRole('alert').filter({ hasText: 'cannot be in the future' })).toBeVisible();
  await expect(date).toHaveValue(future);
  await expect.soft(interview.getByLabel('Kind')).toHaveValue('system_design');
  await expect.soft(interview.getByLabel('Outcome')).toHaveValue('hold');
  await expect(interview.getByLabel('Interviewer')).toHaveValue(interviewer);
  await expect(interview.getByLabel('Name the candidate used')).toHaveValue(nameUsed);
  await expect.soft(interview.getByLabel('Off-screen prompting')).toBeChecked();
  await expect(interview.getByLabel('Unusual latency')).not.toBeChecked();
  await expect(interview.getByLabel('Notes')).toHaveValue(notes);
  await expect(lead.getByRole('region', { name: 'Interview rounds' })).toContainText('No interview rounds recorded.');
});
