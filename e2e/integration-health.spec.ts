import type { Page } from '@playwright/test';
import { expect, expectAccessible, screenshot, test } from './setup-fixtures.js';
import { createRole, trustPolicy, updateTrustPolicy } from './support/sandbox-aws.js';

// Two axe passes and two full-page screenshots; a busy machine needs more than the default 30 s.
test.describe.configure({ timeout: 120_000 });

async function expectNoSidewaysScroll(page: Page, what: string) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${what} is ${width} px wide on a 390 px screen`).toBeLessThanOrEqual(390);
}

test('an admin finds a failing integration with since when, and reads its check history', async ({
  adminPage: page,
  api,
  unique,
  cleanup,
}) => {
  const roleName = unique('health-role');
  cleanup.role(roleName);
  const roleArn = createRole(roleName, trustPolicy(['someone-else@*']));
  const name = unique('health-int');
  cleanup.integration(name);
  const created = await api.post('/api/integrations/aws', {
    data: { name, spaceId: 'root', roleArn },
  });
  expect(created.status()).toBe(201);

  await page.goto('/integrations');
  await page.getByLabel('Status').selectOption({ label: 'Failing' });
  await expect(page).toHaveURL(/status=failing/);
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText(/Failing\s*since/);

  await row.getByRole('link', { name }).click();
  const health = page.getByRole('region', { name: 'Health' });
  await expect(health).toContainText('Failing since');
  const checks = health.getByRole('list', { name: 'Last checks, newest first' });
  await expect(checks.getByRole('listitem')).toHaveCount(1);
  await expect(checks.getByRole('listitem').first()).toContainText(
    /On create.*Failed: AccessDenied \(rolebridge-verify, plan\); AccessDenied \(rolebridge-verify, apply\)/,
  );
  await expectAccessible(page, 'a failing integration with its history');
  await screenshot(page, 'health-failing-1280');

  // Fixed in AWS with the CLI, checked again: recovered, and the history says so.
  updateTrustPolicy(roleName, trustPolicy(['demo@*']));
  await page.getByRole('button', { name: 'Verify again' }).click();
  await expect(health).toContainText(/Healthy — recovered at/);
  await expect(checks.getByRole('listitem')).toHaveCount(2);
  await expect(checks.getByRole('listitem').first()).toContainText(/Verify again.*Passed/);

  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSidewaysScroll(page, 'the details page with its history');
  await expectAccessible(page, 'the history on a phone');
  await health.scrollIntoViewIfNeeded();
  await screenshot(page, 'health-recovered-390');
});
