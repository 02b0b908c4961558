// A lead writes a note in Markdown: formatting and a safe link render, while script, event
// handlers and a javascript: link pasted into the same note stay inert (no dialog opens).
import { openCase, submitAndExpectSaved, submitCandidate } from './case-steps';
import { expect, test, uniqueCandidate, uniqueToken } from './fixtures';

test('a Markdown note renders formatting and nothing executable', async ({ as }) => {
  const recruiter = await as('recruiter');
  const reference = await submitCandidate(recruiter, uniqueCandidate());
  const lead = await as('lead');
  const dialogs: string[] = [];
  lead.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await openCase(lead, reference);

  const token = uniqueToken();
  const form = lead.getByRole('form', { name: 'Add note' });
  await form
    .getByLabel('Note')
    .fill(`**Reference ${token}** did not answer.\n\n- see [carrier report](https://example.org/report)\n- [click me](javascript:alert(1))\n\n<img src=x onerror=alert(2)><script>alert(3)</script>`);
  await submitAndExpectSaved(form, 'Add note', 'Note added.');

  const notes = lead.getByRole('region', { name: 'Notes' });
  await expect(notes.locator('strong', { hasText: `Reference ${token}` })).toBeVisible();
  const link = notes.getByRole('link', { name: 'carrier report' });
  await expect(link).toHaveAttribute('href', 'https://example.org/report');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer nofollow');
  await expect(notes.getByRole('link', { name: 'click me' })).toHaveCount(0);
  await expect(notes).toContainText('<script>alert(3)</script>');
  await expect(notes.locator('img, script')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});
