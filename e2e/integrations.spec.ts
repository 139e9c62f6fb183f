import { E2E_ADMIN } from './env.js';
import { expect, logIn, test } from './fixtures.js';
import { test as freshTest } from './support/fresh-account.js';

// The shared server already holds other stories' integrations: a new account of its own
// is the only place the real empty state (not "no matches") can be seen.
freshTest(
  'an admin of a new account sees the empty state with a way to set up an integration',
  async ({ fresh }) => {
    const page = fresh.adminPage;
    await page.goto('/integrations');
    await expect(page.getByText('Sandbox mode', { exact: false })).toBeVisible();
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { name: 'No cloud integrations yet' })).toBeVisible();
    await expect(main).toContainText('Connect an AWS IAM role so your stacks get short-lived');
    await expect(main.getByRole('table')).toHaveCount(0);
    // The empty state's call to action is the only one (the header's gives way to it).
    const setUp = main.getByRole('link', { name: 'Set up integration' });
    await expect(setUp).toHaveCount(1);
    await setUp.click();
    await expect(page).toHaveURL(/\/integrations\/new\/aws/);
  },
);

test('a wrong password is refused with a message', async ({ page }) => {
  await logIn(page, E2E_ADMIN.email, 'not-the-password');
  await expect(page.getByRole('alert')).toContainText('Invalid email or password');
  await expect(page).toHaveURL(/\/login/);
});

test('integrations seeded through the API appear in the list', async ({ api, adminPage: page }) => {
  await api.seedIntegration({ name: 'production-account', labels: ['prod', 'team-infra'] });
  await api.seedIntegration({ name: 'staging-account', labels: ['staging'] });
  await page.goto('/integrations');
  const table = page.getByRole('table');
  await expect(table.getByRole('link', { name: 'production-account' })).toBeVisible();
  await expect(table.getByRole('link', { name: 'staging-account' })).toBeVisible();
  await expect(table.getByText('Not verified').first()).toBeVisible();
});

test('filtering by two labels narrows the list and survives reload', async ({
  api,
  adminPage: page,
}) => {
  await api.seedIntegration({ name: 'prod-eu', labels: ['prod', 'eu'] });
  await api.seedIntegration({ name: 'prod-us', labels: ['prod', 'us'] });
  await api.seedIntegration({ name: 'dev-eu', labels: ['dev', 'eu'] });
  await page.goto('/integrations');
  const table = page.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(4);

  // Click a label on a row to filter by it, then a second one.
  await table
    .getByRole('row', { name: /prod-eu/ })
    .getByRole('button', { name: 'Filter by label prod' })
    .click();
  await expect(table.getByRole('row')).toHaveCount(3);
  await table
    .getByRole('row', { name: /prod-eu/ })
    .getByRole('button', { name: 'Filter by label eu' })
    .click();
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('link', { name: 'prod-eu' })).toBeVisible();
  await expect(page).toHaveURL(/label=prod/);
  await expect(page).toHaveURL(/label=eu/);

  await page.reload();
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('link', { name: 'prod-eu' })).toBeVisible();

  await page.getByRole('button', { name: 'Remove label filter eu' }).click();
  await expect(table.getByRole('row')).toHaveCount(3);
});

test('searching by name narrows the list', async ({ api, adminPage: page }) => {
  await api.seedIntegration({ name: 'billing-prod' });
  await api.seedIntegration({ name: 'search-prod' });
  await page.goto('/integrations');
  await page.getByLabel('Search integrations').fill('billing');
  await expect(page.getByRole('table').getByRole('link', { name: 'billing-prod' })).toBeVisible();
  await expect(page.getByRole('table').getByRole('link', { name: 'search-prod' })).toHaveCount(0);
  await expect(page).toHaveURL(/q=billing/);
});

test('filtering by status shows the total and survives reload', async ({
  api,
  adminPage: page,
}) => {
  const label = `status-${Date.now()}`;
  await api.seedIntegration({ name: `${label}-one`, labels: [label] });
  await api.seedIntegration({ name: `${label}-two`, labels: [label] });
  await page.goto(`/integrations?label=${label}`);
  const table = page.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(page.getByText('Showing 2 of 2 integrations')).toBeVisible();

  await page.getByRole('combobox', { name: 'Status' }).selectOption('Failing');
  await expect(page).toHaveURL(/status=failing/);
  await expect(page.getByText('No integrations match these filters')).toBeVisible();

  await page.getByRole('combobox', { name: 'Status' }).selectOption('Not verified');
  await expect(page).toHaveURL(/status=not-checked/);
  await expect(table.getByRole('row')).toHaveCount(3);
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('not-checked');
  await expect(page.getByText('Showing 2 of 2 integrations')).toBeVisible();
});

test('"Load more" survives a reload: the list URL keeps how many pages were shown', async ({
  api,
  adminPage: page,
}) => {
  test.setTimeout(60_000);
  // One more than a page (50), under a label of their own so other stories' rows stay out.
  const label = `pages-${Date.now()}`;
  for (let i = 0; i < 51; i++)
    await api.seedIntegration({ name: `${label}-${String(i).padStart(2, '0')}`, labels: [label] });
  await page.goto(`/integrations?label=${label}`);
  const table = page.getByRole('table');
  await expect(page.getByText('Showing 50 of 51 integrations')).toBeVisible({ timeout: 20_000 });
  await expect(table.getByRole('link', { name: `${label}-50` })).toHaveCount(0);

  await page.getByRole('button', { name: 'Load more' }).click();
  await expect(page.getByText('Showing 51 of 51 integrations')).toBeVisible();
  await expect(page).toHaveURL(/[?&]pages=2(&|$)/);

  await page.reload();
  await expect(page.getByText('Showing 51 of 51 integrations')).toBeVisible({ timeout: 20_000 });
  await expect(table.getByRole('link', { name: `${label}-50` })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Load more' })).toHaveCount(0);
});
