import { E2E_ADMIN } from './env.js';
import { expect, logIn, test } from './fixtures.js';

test('an admin logs in and sees the empty state with a way to set up an integration', async ({
  adminPage: page,
}) => {
  await page.goto('/integrations');
  await expect(page.getByText('Sandbox mode', { exact: false })).toBeVisible();
  await expect(
    page.getByRole('main').getByRole('link', { name: 'Set up integration' }).first(),
  ).toBeVisible();
});

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
