// Two CSOs open the same case and decide at once: the first decision stands, the second
// reviewer is told the case changed (with a way to reload) and nothing of theirs is saved.
import { caseAwaitingDecision, caseStatus, moveCase, openCase, submitForm } from './case-steps';
import { expect, test, uniqueCandidate, uniqueToken } from './fixtures';

test('the second of two simultaneous decisions is refused as stale', async ({ as }) => {
  const reference = await caseAwaitingDecision(await as('recruiter'), await as('lead'), uniqueCandidate());

  const first = await as('cso');
  const second = await as('cso2');
  await openCase(first, reference);
  await openCase(second, reference);
  const escalation = `Escalating: the references could not be reached (${uniqueToken()}).`;
  const clearance = `Clearing: live ID and local questions passed (${uniqueToken()}).`;
  await first.getByRole('form', { name: 'Case workflow' }).getByLabel('Rationale').fill(escalation);
  const secondPanel = second.getByRole('form', { name: 'Case workflow' });
  await secondPanel.getByLabel('Rationale').fill(clearance);

  await moveCase(first, 'Escalate', 'Escalated');

  await submitForm(secondPanel, 'Clear', { buttonStays: false });
  const banner = secondPanel.getByRole('alert').filter({ hasText: 'This case changed' });
  await expect(banner).toBeVisible();
  const reload = banner.getByRole('link', { name: 'Reload' });
  await expect(reload).toBeVisible();
  // The refused form keeps the rationale the reviewer wrote.
  await expect(secondPanel.getByLabel('Rationale')).toHaveValue(clearance);

  await reload.click();
  await expect(caseStatus(second)).toHaveText('Escalated');
  await expect(second.getByRole('alert').filter({ hasText: 'This case changed' })).toHaveCount(0);
  const history = second.getByRole('region', { name: 'Decision' }).getByRole('listitem');
  await expect(history).toHaveCount(1);
  await expect(history).toContainText(escalation);
  await expect(second.getByText(clearance)).toHaveCount(0);

  await first.reload();
  await expect(caseStatus(first)).toHaveText('Escalated');
  await expect(first.getByRole('region', { name: 'Decision' }).getByRole('listitem')).toHaveCount(1);
});
