import { expect, test } from './setup-fixtures.js';

test('an invited teammate accepts the link and the LaunchPad step 4 completes', async ({
  adminPage: page,
  browser,
  baseURL,
  unique,
}) => {
  const email = `${unique('mate')}@example.com`;
  await page.goto('/settings');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Role', { exact: true }).selectOption('write');
  await page.getByRole('button', { name: 'Create invite link' }).click();
  await expect(page.getByRole('button', { name: `Copy invite link for ${email}` })).toBeVisible();
  const link = await page.locator('code', { hasText: '/invite#' }).innerText();
  // The token rides in the #fragment, which the browser never sends to the server.
  expect(link).toMatch(new RegExp(`^${baseURL}/invite#[\\w-]{43}$`));
  await expect(page.getByRole('listitem').filter({ hasText: email })).toBeVisible();

  const invitee = await browser.newContext();
  const mate = await invitee.newPage();
  await mate.goto(link);
  await expect(mate.getByText(email)).toBeVisible();
  await mate.getByLabel('Password', { exact: true }).fill('teammate-password-1');
  await mate.getByRole('button', { name: 'Accept invite' }).click();
  await expect(mate).toHaveURL(`${baseURL}/`);
  await expect(mate.getByRole('button', { name: /Log out/ })).toBeVisible();
  await invitee.close();

  await page.goto('/');
  await expect(page.getByRole('listitem').filter({ hasText: 'Invite teammates' })).toContainText(
    'Complete',
  );
  await page.goto('/settings');
  await expect(page.getByRole('cell', { name: email })).toBeVisible();
});

test('an admin revokes a pending invite', async ({ adminPage: page, unique }) => {
  const email = `${unique('revoked')}@example.com`;
  await page.goto('/settings');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByRole('button', { name: 'Create invite link' }).click();
  await page.getByRole('button', { name: `Revoke invite for ${email}` }).click();
  await expect(page.getByRole('button', { name: `Revoke invite for ${email}` })).toHaveCount(0);
});
