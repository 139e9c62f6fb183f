import { expect, expectAccessible, screenshot, test } from './setup-fixtures.js';

test('an admin creates a worker token, sees it once, uses it and revokes it', async ({
  adminPage: page,
  playwright,
  baseURL,
  unique,
}) => {
  // Settings runs axe over a long page: on a busy machine that alone can take 20 s.
  test.setTimeout(60_000);
  const name = unique('ci-worker');
  await page.goto('/settings');
  await page.getByRole('button', { name: 'New token' }).click();
  // The invite form has a Role too; the token form opens only on demand.
  const form = page.getByRole('form', { name: 'New API token' });
  await form.getByLabel('Token name').fill(name);
  await form.getByLabel('Role', { exact: true }).selectOption('worker');
  await form.getByRole('button', { name: 'Create token' }).click();

  await expect(page.getByRole('heading', { name: `Token ${name} created` })).toBeFocused();
  await expect(page.getByText('you will not see it again')).toBeVisible();
  const token = (await page.getByLabel('API token', { exact: true }).innerText()).trim();
  expect(token).toMatch(/^rb_\S+$/);
  // Nothing to fill in by hand: the worker command names a real stack (worker-region.spec.ts).
  await expect(page.getByText('<slug>')).toHaveCount(0);
  await expectAccessible(page, 'settings with a new token shown');
  await screenshot(page, 'settings-token-created');

  await page.getByRole('button', { name: 'Done, I have copied it' }).click();
  const tokens = page.getByRole('region', { name: 'API tokens' });
  const row = tokens.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('worker');
  await expect(row).toContainText('Never');
  expect(await page.content()).not.toContain(token);

  // A worker token may start runs and fetch credentials only: listing stacks is refused
  // with 403, where a made-up token gets 401, so the token did authenticate.
  const asWorker = await playwright.request.newContext({
    baseURL: baseURL!,
    extraHTTPHeaders: { Authorization: `Bearer ${token}` },
  });
  const forged = await playwright.request.newContext({
    baseURL: baseURL!,
    extraHTTPHeaders: { Authorization: `Bearer ${token.slice(0, -4)}xxxx` },
  });
  expect((await asWorker.get('/api/stacks')).status()).toBe(403);
  expect((await forged.get('/api/stacks')).status()).toBe(401);

  await page.getByRole('button', { name: `Revoke token ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Revoke token ${name}?` });
  await dialog.getByRole('button', { name: 'Revoke token' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toHaveCount(0);
  expect((await asWorker.get('/api/stacks')).status()).toBe(401);
  await asWorker.dispose();
  await forged.dispose();

  const audit = page.getByRole('region', { name: 'Audit log' });
  await audit.getByRole('button', { name: 'Show audit log' }).click();
  await audit.getByLabel('Action', { exact: true }).selectOption('token.create');
  const created = audit.getByRole('row').filter({ hasText: name });
  await expect(created).toContainText('token.create');
  await expect(created).toContainText('admin@example.com');
  await expect(created).toContainText('role: worker');
  // Ids read as names: the token's space by its name, the revoked token by its id, marked.
  await expect(created).toContainText('space: root');
  await expect(created).toContainText(/Token \S+ \(deleted\)/);
  await expect(audit).not.toContainText(token);
});

test('the settings page has no serious accessibility violations', async ({ adminPage: page }) => {
  test.setTimeout(60_000);
  await page.goto('/settings');
  await page.getByRole('button', { name: 'Show audit log' }).click();
  await expect(page.getByRole('table', { name: 'Audit log, newest first' })).toBeVisible();
  await expectAccessible(page, 'settings');
  await screenshot(page, 'settings');
});

test('a teammate who is not an admin is told calmly that tokens and the audit log are for admins', async ({
  api,
  browser,
  baseURL,
  unique,
}) => {
  const email = `${unique('reader')}@example.com`;
  const res = await api.post('/api/invites', { data: { email, role: 'read', spaceId: 'root' } });
  expect(res.status(), await res.text()).toBe(201);
  const { link } = (await res.json()) as { link: string };
  const context = await browser.newContext({ baseURL: baseURL! });
  const accepted = await context.request.post('/api/invites/accept', {
    data: { token: link.split('#')[1], password: 'reader-password-1' },
  });
  expect(accepted.status(), await accepted.text()).toBe(200);

  const page = await context.newPage();
  await page.goto('/settings');
  await expect(page.getByText('Only account admins can see API tokens.')).toBeVisible();
  await page.getByRole('button', { name: 'Show audit log' }).click();
  await expect(page.getByText('Only account admins can see the audit log.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'New token' })).toHaveCount(0);
  // No forms a reader could not submit: the name is shown, rename and invites are not offered.
  await expect(page.getByText('Only account admins can see invites.')).toBeVisible();
  await expect(page.getByLabel('Account name')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /invite/i })).toHaveCount(0);
  for (const section of ['API tokens', 'Audit log'])
    await expect(page.getByRole('region', { name: section }).getByRole('alert')).toHaveCount(0);
  await context.close();
});
