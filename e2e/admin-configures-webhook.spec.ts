// An administrator adds a webhook endpoint for a loopback receiver: the generated secret is
// shown once; a CSO's escalation then reaches the receiver signed with it, and the delivery
// appears in the admin's log.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhook } from '../lib/webhooks/signature';
import { caseAwaitingDecision, moveCase, openCase } from './case-steps';
import { expect, test, uniqueCandidate, uniqueToken } from './fixtures';

test('an admin adds a webhook and an escalation is delivered to it, signed', async ({ as }) => {
  const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  try {
    const admin = await as('admin');
    await admin.goto('/admin/webhooks');
    const form = admin.getByRole('form', { name: 'Add webhook endpoint' });
    const name = `Security channel ${uniqueToken()}`;
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('URL').fill('http://receiver.example.org/hook');
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    await expect(form.getByText('Use https: plain http is only allowed to localhost in production.')).toBeVisible();
    await expect(form.getByLabel('Name')).toHaveValue(name);
    await form.getByLabel('URL').fill(url);
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    const banner = form.getByRole('status');
    await expect(banner).toContainText('Its signing secret, shown this once: whsec_');
    const secret = /(whsec_[A-Za-z0-9_-]+)/.exec((await banner.textContent()) ?? '')![1];
    await admin.reload();
    await expect(admin.getByRole('row', { name: new RegExp(name) })).toContainText(url);
    await expect(admin.getByText(secret)).toHaveCount(0);

    const recruiter = await as('recruiter');
    const lead = await as('lead');
    const reference = await caseAwaitingDecision(recruiter, lead, uniqueCandidate());
    const cso = await as('cso');
    await openCase(cso, reference);
    await moveCase(cso, 'Escalate', 'Escalated', `Confirmed fabricated identity (${uniqueToken()}).`);

    await expect.poll(() => received.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    const [{ headers, body }] = received;
    expect(verifyWebhook(secret, { signature: String(headers['x-hirewatch-signature']), timestamp: String(headers['x-hirewatch-timestamp']) }, body)).toBe(true);
    expect(JSON.parse(body)).toMatchObject({ event: 'case.escalated', case: { reference, clearance: 'do_not_proceed' } });

    await admin.reload();
    const log = admin.getByRole('region', { name: /Delivery log/ });
    await expect(log.getByRole('row', { name: new RegExp(name) })).toContainText('200');
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
