import { ACCOUNT_NAME } from './env.js';
import { test as freshTest } from './support/fresh-account.js';
import { expect, test } from './setup-fixtures.js';

// Named by its operator at start-up: the LaunchPad's "Name your account" is done already.
freshTest.use({ freshEnv: { ROLEBRIDGE_ACCOUNT_NAME: ACCOUNT_NAME } });

// Step 4 is complete once any invite was accepted, and other stories accept invites on the
// shared server: this one runs on a console of its own, where nobody has been invited.
freshTest(
  'an invited teammate accepts the link and the LaunchPad step 4 completes',
  async ({ fresh, unique }) => {
    const page = fresh.adminPage;
    const step = page.getByRole('listitem').filter({ hasText: 'Invite teammates' });
    await page.goto('/');
    await expect(step.getByRole('link', { name: /invite/i })).toBeVisible();
    await expect(step).not.toContainText('Complete');
    // Started with ROLEBRIDGE_ACCOUNT_NAME: named by the operator, nothing to do here.
    await expect(page.getByRole('listitem').filter({ hasText: 'Name your account' })).toContainText(
      'Complete',
    );

    const email = `${unique('mate')}@example.com`;
    await page.goto('/settings');
    await expect(page.getByLabel('Email', { exact: true })).toBeVisible({ timeout: 20_000 });
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Role', { exact: true }).selectOption('write');
    await page.getByRole('button', { name: 'Create invite link' }).click();
    await expect(page.getByRole('button', { name: `Copy invite link for ${email}` })).toBeVisible();
    const link = await page.locator('code', { hasText: '/invite#' }).innerText();
    // The token rides in the #fragment, which the browser never sends to the server.
    expect(link).toMatch(new RegExp(`^${fresh.baseURL}/invite#[\\w-]{43}$`));
    await expect(page.getByRole('listitem').filter({ hasText: email })).toBeVisible();
    // A pending invite is not a teammate yet.
    await page.goto('/');
    await expect(step).not.toContainText('Complete');

    const invitee = await fresh.browser.newContext();
    const mate = await invitee.newPage();
    await mate.goto(link);
    await expect(mate.getByText(email)).toBeVisible();
    await mate.getByLabel('Password', { exact: true }).fill('teammate-password-1');
    await mate.getByRole('button', { name: 'Accept invite' }).click();
    await expect(mate).toHaveURL(`${fresh.baseURL}/`);
    await expect(mate.getByRole('button', { name: /Log out/ })).toBeVisible();
    await invitee.close();

    await page.goto('/');
    await expect(step).toContainText('Complete');
    await page.goto('/settings');
    await expect(page.getByRole('cell', { name: email })).toBeVisible();
  },
);

test('an admin revokes a pending invite', async ({ adminPage: page, unique }) => {
  const email = `${unique('revoked')}@example.com`;
  await page.goto('/settings');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByRole('button', { name: 'Create invite link' }).click();
  await page.getByRole('button', { name: `Revoke invite for ${email}` }).click();
  await expect(page.getByRole('button', { name: `Revoke invite for ${email}` })).toHaveCount(0);
});
