// A security lead shares indicators with a peer company: imports a CSV (a bad row first, which
// imports nothing and is named by its row), sees the open case it newly hits, marks an entry
// TLP:RED, removes one, then exports the watchlist as a STIX 2.1 bundle that passes the
// required-property validator and leaves the TLP:RED entry out.
import fs from 'node:fs';
import { validateBundle } from '../lib/intel/stix/validate';
import { submitCandidate } from './case-steps';
import { expect, test, uniqueCandidate, uniqueToken } from './fixtures';

test('a lead imports a CSV, removes an entry and exports STIX 2.1', async ({ as }) => {
  const recruiter = await as('recruiter');
  const candidate = uniqueCandidate();
  await submitCandidate(recruiter, candidate);

  const lead = await as('lead');
  await lead.goto('/watchlist');
  await lead.getByText('Import CSV or STIX').click();
  const form = lead.getByRole('form', { name: 'Import watchlist file' });
  const token = uniqueToken();
  const removable = `remove.${token}@example.org`;
  const secret = `red.${token}@example.org`;
  const header = 'kind,value,source,confidence,tlp,expires_at';
  await form.getByLabel('File (CSV or STIX 2.1 JSON)').setInputFiles({
    name: 'peer.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`${header}\nemail,${candidate.email},Peer company,high,TLP:GREEN,\nemail,not-an-email,Peer company,high,,\n`),
  });
  await form.getByRole('button', { name: 'Import' }).click();
  await expect(form.getByRole('alert').filter({ hasText: 'Nothing was imported' })).toBeVisible();
  await expect(form.getByRole('list', { name: 'Problems in the file' })).toContainText('Row 3: value: Not an email address.');

  await form.getByLabel('File (CSV or STIX 2.1 JSON)').setInputFiles({
    name: 'peer.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`${header}\nemail,${candidate.email},Peer company,high,TLP:GREEN,\nemail,${removable},Peer company,low,,\nemail,${secret},Peer company,medium,TLP:RED,2099-12-31\n`),
  });
  await form.getByRole('button', { name: 'Import' }).click();
  await expect(form.getByRole('status')).toHaveText('Imported 3 new entries from CSV. 1 open case newly hit.');

  await lead.getByLabel('Value or source').fill(token);
  await lead.getByRole('button', { name: 'Filter' }).click();
  const rows = lead.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(3); // header + two entries
  await expect(lead.getByRole('row', { name: new RegExp(secret.replaceAll('.', '\\.')) })).toContainText('TLP:RED');
  const removableRow = lead.getByRole('row', { name: new RegExp(removable.replaceAll('.', '\\.')) });
  await removableRow.getByRole('button', { name: 'Remove' }).click();
  await expect(rows).toHaveCount(2);

  const downloadPromise = lead.waitForEvent('download');
  await lead.getByRole('link', { name: 'Export STIX 2.1' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^hirewatch-watchlist-\d{4}-\d{2}-\d{2}\.stix\.json$/);
  const bundle = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  expect(validateBundle(bundle)).toEqual([]);
  const patterns = bundle.objects.filter((o: { type: string }) => o.type === 'indicator').map((o: { pattern: string }) => o.pattern);
  expect(patterns).toContain(`[email-addr:value = '${candidate.email}']`);
  expect(patterns.join('\n')).not.toContain(removable);
  expect(patterns.join('\n')).not.toContain(secret);
  expect(JSON.stringify(bundle)).not.toContain(candidate.claimedName);
});
