// A new CSO's second factor, end to end: the administrator creates the account; the CSO signs
// in with the password and, until an authenticator is confirmed, the server refuses every page
// and export to that half-signed-in session; the CSO scans (here: reads) the key, confirms a
// code, sees ten recovery codes once, and is in. A later sign-in takes a recovery code once.
// Finally the administrator resets the factor, which ends the CSO's session at once.
import { expect, freshCode, signIn, test, uniqueToken } from './fixtures';

const PASSWORD = 'tangerine harbour lantern 42';

test('an administrator creates a CSO who must enroll a second factor before anything opens', async ({ page: admin, browser }) => {
  // Two users through the code step, several codes each: it may wait for a fresh TOTP step.
  test.slow();
  const email = `e2e.cso.${uniqueToken()}@example.org`;
  await signIn(admin, 'admin');
  const create = admin.getByRole('form', { name: 'Create user' });
  await create.getByLabel('Email').fill(email);
  await create.getByLabel('Name').fill(`Cso ${uniqueToken()}`);
  await create.getByLabel('Role').selectOption('cso');
  await create.getByLabel('Initial password').fill(PASSWORD);
  await create.getByRole('button', { name: 'Create user' }).click();
  await expect(admin.getByRole('status').filter({ hasText: `${email} can now sign in` })).toBeVisible();
  const row = admin.getByRole('row').filter({ hasText: email });
  await expect(row.getByText('Set up at next sign-in')).toBeVisible();

  const csoContext = await browser.newContext();
  const cso = await csoContext.newPage();
  const signInWithPassword = async () => {
    await cso.goto('/login');
    await cso.getByLabel('Email', { exact: true }).fill(email);
    await cso.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await cso.getByRole('button', { name: 'Sign in' }).click();
    await expect(cso).toHaveURL(/\/login\/second-factor$/);
  };
  await signInWithPassword();
  await expect(cso.getByRole('heading', { name: 'Set up your authenticator app' })).toBeVisible();
  await expect(cso.getByRole('img', { name: /QR code/ })).toBeVisible();
  const secret = (await cso.getByLabel('Setup key').innerText()).replaceAll(' ', '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);

  // Half signed in: the server refuses the case list, its export and the session's role.
  const cases = await cso.request.get('/cases', { maxRedirects: 0 });
  expect(cases.status()).toBe(307);
  expect(cases.headers().location).toContain('/login/second-factor');
  expect((await cso.request.get('/cases/export', { maxRedirects: 0 })).status()).toBe(401);
  expect(((await (await cso.request.get('/api/auth/session')).json()) as { user?: { role?: string } }).user?.role).toBeUndefined();

  // A wrong code is refused with the one generic message; the right one confirms.
  await cso.getByLabel('Code from your app').fill('000000');
  await cso.getByRole('button', { name: 'Confirm' }).click();
  await expect(cso.getByRole('alert').filter({ hasText: 'not accepted' })).toBeVisible();
  await cso.getByLabel('Code from your app').fill(await freshCode(secret, email));
  await cso.getByRole('button', { name: 'Confirm' }).click();
  const codes = cso.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
  await expect(codes).toHaveCount(10);
  const recoveryCode = await codes.first().innerText();
  expect(recoveryCode).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
  await cso.getByRole('button', { name: 'I have saved my recovery codes' }).click();
  await expect(cso).toHaveURL(/\/cases$/);
  await expect(cso.getByRole('heading', { name: 'Cases', exact: true })).toBeVisible();

  // Next sign-in: the code step, here with a recovery code, which works once.
  await cso.getByRole('button', { name: 'Sign out' }).click();
  await expect(cso).toHaveURL(/\/login$/);
  await signInWithPassword();
  await expect(cso.getByRole('heading', { name: 'Enter your code' })).toBeVisible();
  await cso.getByLabel('Authentication code').fill(recoveryCode);
  await cso.getByRole('button', { name: 'Verify' }).click();
  await expect(cso).toHaveURL(/\/cases$/);
  await cso.getByRole('button', { name: 'Sign out' }).click();
  await signInWithPassword();
  await cso.getByLabel('Authentication code').fill(recoveryCode);
  await cso.getByRole('button', { name: 'Verify' }).click();
  await expect(cso.getByRole('alert').filter({ hasText: 'not accepted' })).toBeVisible();
  await cso.getByLabel('Authentication code').fill(await freshCode(secret, email));
  await cso.getByRole('button', { name: 'Verify' }).click();
  await expect(cso).toHaveURL(/\/cases$/);

  // The administrator resets the factor: the CSO's session ends on its next request.
  await admin.reload();
  await expect(row.getByText('Enrolled')).toBeVisible();
  await row.getByRole('button', { name: 'Reset second factor' }).click();
  await expect(row.getByRole('status')).toContainText('sessions have ended');
  await cso.goto('/cases');
  await expect(cso).toHaveURL(/\/login$/);
  await csoContext.close();
});
