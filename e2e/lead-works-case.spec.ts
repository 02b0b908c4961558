// A security lead finds a new candidate's case, links it to another case through a shared
// email (a gmail dot variant), gathers indicators, interviews and proofing, and submits it
// for a CSO's decision; the risk score follows the evidence.
import { addIdentifier, caseStatus, moveCase, openAddForm, riskScore, submitAndExpectSaved, submitCandidate } from './case-steps';
import { expect, test, uniqueCandidate, uniqueToken } from './fixtures';

test('a lead links, investigates and submits a case for decision', async ({ as }) => {
  const recruiter = await as('recruiter');
  // The other case: its email, written with dots, is the one the lead will find again.
  const handle = uniqueToken();
  const other = uniqueCandidate({ email: `${handle.slice(0, 4)}.${handle.slice(4)}.dev@gmail.com` });
  const otherReference = await submitCandidate(recruiter, other);
  const subject = uniqueCandidate();
  const reference = await submitCandidate(recruiter, subject);

  const lead = await as('lead');
  await lead.goto('/cases');
  await lead.getByLabel('Search').fill(subject.email);
  await expect(lead).toHaveURL(/[?&]q=/);
  const link = lead.getByRole('link', { name: reference, exact: true });
  await expect(link).toBeVisible();
  await expect(lead.getByRole('table').getByRole('row')).toHaveCount(2); // header + the one match
  await link.click();
  await expect(lead).toHaveURL(new RegExp(`/cases/${reference}$`));
  await expect(lead.getByRole('heading', { name: subject.claimedName, level: 1 })).toBeVisible();
  await expect(caseStatus(lead)).toHaveText('Open');
  await expect(lead.getByRole('heading', { name: 'Linked cases (0)' })).toBeVisible();
  const before = await riskScore(lead);

  // The same gmail mailbox without its dots: it normalizes to the other case's email.
  await addIdentifier(lead, 'Email', `${handle}dev@gmail.com`);
  await expect(lead.getByRole('heading', { name: 'Linked cases (1)' })).toBeVisible();
  const linked = lead.getByRole('region', { name: 'Linked cases (1)' });
  await expect(linked.getByRole('link', { name: otherReference })).toBeVisible();
  await expect(linked).toContainText(other.claimedName);
  await expect.poll(() => riskScore(lead)).toBeGreaterThan(before);
  const afterLink = await riskScore(lead);
  await expect(lead.getByRole('region', { name: /^Risk score/ })).toContainText(`Shares with ${otherReference}`);

  await moveCase(lead, 'Start investigating', 'Investigating');

  const indicator = await openAddForm(lead, 'Add indicator');
  await indicator.getByLabel('Indicator').selectOption('voip_phone');
  await indicator.getByLabel('Evidence').fill(`Carrier lookup says VoIP (${uniqueToken()}).`);
  await submitAndExpectSaved(indicator, 'Add indicator', /Indicator ".+" added\./);
  await expect(lead.getByRole('region', { name: 'Indicators' })).toContainText('Carrier lookup says VoIP');
  await expect.poll(() => riskScore(lead)).toBeGreaterThan(afterLink);
  const afterIndicator = await riskScore(lead);

  const interview = await openAddForm(lead, 'Record interview round');
  const aliasUsed = `Jon ${uniqueToken()}`;
  await interview.getByLabel('Kind').selectOption('technical');
  await interview.getByLabel('Interviewer').fill('Engineering panel');
  await interview.getByLabel('Name the candidate used').fill(aliasUsed);
  await interview.getByLabel('Unusual latency').check();
  await submitAndExpectSaved(interview, 'Record interview', 'Interview round recorded.');
  await expect(lead.getByRole('region', { name: 'Interview rounds' }).getByRole('cell', { name: aliasUsed })).toBeVisible();
  // The name used in the interview differs from the résumé: a derived signal raises the score.
  await expect(lead.getByRole('region', { name: /^Risk score/ })).toContainText(`differs from name used: "${aliasUsed}"`);
  await expect.poll(() => riskScore(lead)).toBeGreaterThan(afterIndicator);

  const proofing = await openAddForm(lead, 'Record proofing result');
  await proofing.getByLabel('Check').selectOption({ label: 'Live government ID held next to the face' });
  await proofing.getByLabel('Result').selectOption({ label: 'Pass' });
  await proofing.getByLabel('Proofing note').fill('Passport matched the face on camera.');
  await submitAndExpectSaved(proofing, 'Record result', 'Proofing result recorded.');
  await proofing.getByLabel('Check').selectOption({ label: 'Local-knowledge questions' });
  await proofing.getByLabel('Result').selectOption({ label: 'Fail' });
  await proofing.getByLabel('Proofing note').fill('Could not name a street near the claimed home.');
  await submitAndExpectSaved(proofing, 'Record result', 'Proofing result recorded.');
  const checklist = lead.getByRole('region', { name: 'Identity proofing' });
  await expect(checklist.getByRole('row', { name: /Live government ID held next to the face/ })).toContainText('Pass');
  await expect(checklist.getByRole('row', { name: /Local-knowledge questions/ })).toContainText('Fail');

  await moveCase(lead, 'Submit for decision', 'Pending decision');
  // A lead cannot decide: no decision buttons for them.
  const workflow = lead.getByRole('form', { name: 'Case workflow' });
  await expect(workflow.getByRole('button', { name: 'Escalate' })).toHaveCount(0);
  await expect(workflow.getByRole('button', { name: 'Clear', exact: true })).toHaveCount(0);
});
