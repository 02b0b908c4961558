// A CSO decides a case a lead submitted: escalation is recorded with its rationale and the
// recruiter learns only "Do not proceed". A CSO who investigated a case may not decide it.
import { caseAwaitingDecision, caseStatus, clearanceRow, moveCase, openCase, submitCandidate } from './case-steps';
import { expect, test, uniqueCandidate, uniqueToken } from './fixtures';

test('a CSO escalates a case and the recruiter sees "Do not proceed"', async ({ as }) => {
  const recruiter = await as('recruiter');
  const lead = await as('lead');
  const candidate = uniqueCandidate();
  const reference = await caseAwaitingDecision(recruiter, lead, candidate);

  const cso = await as('cso');
  await openCase(cso, reference);
  await expect(caseStatus(cso)).toHaveText('Pending decision');
  const rationale = `Shared laptop-farm address and failed live ID check (${uniqueToken()}).`;
  await moveCase(cso, 'Escalate', 'Escalated', rationale);

  const decision = cso.getByRole('region', { name: 'Decision' });
  await expect(decision.getByRole('listitem')).toHaveCount(1);
  await expect(decision.getByRole('listitem')).toContainText('escalated', { ignoreCase: true });
  await expect(decision.getByRole('listitem')).toContainText(rationale);
  await expect(decision.getByRole('listitem')).toContainText('Claire Santos');

  await recruiter.goto('/clearance');
  const row = clearanceRow(recruiter, candidate.claimedName);
  await expect(row).toContainText(reference);
  await expect(row).toContainText('Do not proceed');
  // Only the clearance: the reasons stay with the security team.
  await expect(recruiter.getByText(rationale)).toHaveCount(0);
});

test('a CSO who investigated a case cannot decide it (two-person rule)', async ({ as }) => {
  const recruiter = await as('recruiter');
  const reference = await submitCandidate(recruiter, uniqueCandidate());

  // The CSO works the case themselves: starting the investigation makes them its assignee.
  const cso = await as('cso');
  await openCase(cso, reference);
  await moveCase(cso, 'Start investigating', 'Investigating');
  await expect(cso.getByRole('region', { name: 'Candidate' })).toContainText('Claire Santos');
  await moveCase(cso, 'Submit for decision', 'Pending decision');

  await cso.reload();
  await expect(caseStatus(cso)).toHaveText('Pending decision');
  const decision = cso.getByRole('region', { name: 'Decision' });
  await expect(decision).toContainText('Two-person rule: you investigated this case, so another CSO must decide it.');
  await expect(decision.getByRole('button', { name: 'Escalate' })).toHaveCount(0);
  await expect(decision.getByRole('button', { name: 'Clear', exact: true })).toHaveCount(0);

  // Another CSO may decide it.
  const otherCso = await as('cso2');
  await openCase(otherCso, reference);
  const otherDecision = otherCso.getByRole('region', { name: 'Decision' });
  await expect(otherDecision.getByRole('button', { name: 'Escalate' })).toBeVisible();
  await expect(otherDecision.getByRole('button', { name: 'Clear', exact: true })).toBeVisible();
  await expect(otherDecision).not.toContainText('Two-person rule');
});
