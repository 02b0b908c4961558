// A security lead opens the identity networks, finds the planted laptop-farm ring of the
// demo data (five cases) beside the wallet ring (three), opens its graph, and follows a node
// to that case's file, which shows the network it belongs to.
import { expect, seededCase, test } from './fixtures';

test('a lead sees the planted rings on /network and opens a case from the graph', async ({ as }) => {
  const lead = await as('lead');
  await lead.goto('/cases');
  await lead.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Networks' }).click();
  await expect(lead).toHaveURL(/\/network$/);
  await expect(lead.getByRole('heading', { name: 'Networks', level: 1 })).toBeVisible();

  const farm = [0, 1, 2, 3, 4].map(seededCase);
  const walletRing = [5, 6, 7].map(seededCase);
  const rowOf = (reference: string) => lead.getByRole('table').getByRole('row').filter({ has: lead.getByRole('link', { name: reference, exact: true }) });

  const farmRow = rowOf(farm[0].reference);
  await expect(farmRow).toHaveCount(1);
  await expect(farmRow.getByRole('cell').nth(1)).toHaveText('5');
  for (const member of farm) await expect(farmRow.getByRole('link', { name: member.reference, exact: true })).toBeVisible();
  const walletRow = rowOf(walletRing[0].reference);
  await expect(walletRow.getByRole('cell').nth(1)).toHaveText('3');
  // Ranked by size: the five-case ring comes first.
  await expect(lead.getByRole('table').getByRole('row').nth(1)).toContainText(farm[0].reference);

  await farmRow.getByRole('link', { name: /^View graph/ }).click();
  await expect(lead).toHaveURL(/\/network\/[0-9a-f-]{36}$/);
  const graph = lead.getByRole('group', { name: 'Graph of a network of 5 cases' });
  await expect(graph).toBeVisible();
  await expect(graph.locator('.react-flow__node')).toHaveCount(5);
  // Seven pairs share something; Kevin Parker and Jason Lee only the public VPN exit: dashed.
  await expect(graph.locator('.react-flow__edge')).toHaveCount(7);
  await expect(graph.locator('.react-flow__edge.network-edge-weak')).toHaveCount(1);
  await expect(graph.locator('.react-flow__edge-text').filter({ hasText: 'phone' })).toHaveCount(1);
  // The text alternative names the same members and what they share.
  await expect(lead.getByRole('heading', { name: `Network ${farm[0].reference}: 5 cases`, level: 1 })).toBeVisible();
  await expect(lead.getByRole('heading', { name: 'Members (5)' })).toBeVisible();
  await expect(lead.getByRole('heading', { name: 'Links (7)' })).toBeVisible();

  // An address from before networks had pages of their own (/network?id=…) leads to the same page.
  const networkUrl = lead.url();
  await lead.goto(networkUrl.replace(/\/network\/([0-9a-f-]{36})$/, '/network?id=$1'));
  await expect(lead).toHaveURL(networkUrl);

  // Jason Lee shares a phone with Kevin Park: click that node and land on the case file.
  const target = farm[2];
  await graph.getByRole('link', { name: new RegExp(`^${target.reference}`) }).click();
  await expect(lead).toHaveURL(new RegExp(`/cases/${target.reference}$`));
  await expect(lead.getByRole('heading', { name: target.claimedName, level: 1 })).toBeVisible();
  const network = lead.getByRole('region', { name: 'Network (5 cases)' });
  await expect(network).toBeVisible();
  await expect(network.getByRole('group', { name: 'Graph of a network of 5 cases' }).locator('.react-flow__node')).toHaveCount(5);
  await expect(network.getByRole('link', { name: 'Open in network view' })).toHaveAttribute('href', /\/network\/[0-9a-f-]{36}$/);
});
