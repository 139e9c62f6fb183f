import { ACCOUNT_NAME, createRole, trustPolicy, updateTrustPolicy } from './support/sandbox-aws.js';
import { expect, screenshot, test } from './setup-fixtures.js';

test('an admin pastes a role that trusts another stack, sees AccessDenied with the statement to add, fixes it with the CLI and verifies again', async ({
  adminPage: page,
  unique,
  cleanup,
}) => {
  // Each failing verification retries AccessDenied for up to ~20 s (IAM propagation).
  test.setTimeout(120_000);
  const roleName = unique('other-stack-role');
  const name = unique('other-stack');
  cleanup.role(roleName);
  cleanup.integration(name);
  const roleArn = createRole(roleName, trustPolicy([`${ACCOUNT_NAME}@*@some-other-stack@*`]));

  await page.goto('/integrations/new/aws?step=5');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Role ARN', { exact: true }).fill(roleArn);
  await page.getByRole('button', { name: 'Set up' }).click();

  await expect(
    page.getByRole('heading', { name: `${name} was saved, but the role could not be assumed` }),
  ).toBeVisible({ timeout: 45_000 });
  await expect(page.getByText('AccessDenied').first()).toBeVisible();
  const fix = page.locator('.hint pre', { hasText: 'sts:ExternalId' }).first();
  await expect(fix).toBeVisible();
  await expect(page.getByRole('button', { name: /^Copy fix:/ }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: `Open the details of ${name}` })).toBeVisible();
  await screenshot(page, 'wizard-7-access-denied');

  updateTrustPolicy(roleName, trustPolicy([`${ACCOUNT_NAME}@*`]));
  // The fixed role answers at once; hold the request briefly so the live status can be seen.
  await page.route('**/verify', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
  await page.getByRole('button', { name: 'Verify again' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Checking' })).toBeVisible();
  await expect(page.getByRole('heading', { name: `${name} is set up and verified` })).toBeVisible({
    timeout: 45_000,
  });
  await expect(page.getByText('Verified', { exact: true })).toBeVisible();
  await expect(page.getByText('AccessDenied')).toHaveCount(0);
});

test('the details page shows the verification and verifies again on demand', async ({
  adminPage: page,
  api,
  unique,
  cleanup,
}) => {
  test.setTimeout(90_000);
  const roleName = unique('details-role');
  cleanup.role(roleName);
  const roleArn = createRole(roleName, trustPolicy([`${ACCOUNT_NAME}@*`]));
  const { id } = await api.seedIntegration({ name: unique('details'), roleArn });

  await page.goto(`/integrations/aws/${id}`);
  const card = page.getByRole('region', { name: 'Verification' });
  await expect(card.getByText('Verified', { exact: true })).toBeVisible();
  const verifyAgain = async () => {
    const answered = page.waitForResponse(
      (r) =>
        r.url().endsWith(`/api/integrations/aws/${id}/verify`) && r.request().method() === 'POST',
      // A button that sends nothing fails here, not at the test's timeout.
      { timeout: 30_000 },
    );
    await card.getByRole('button', { name: 'Verify again' }).click();
    expect((await answered).status()).toBe(200);
    await expect(card.getByRole('button', { name: 'Verify again' })).toBeEnabled({
      timeout: 30_000,
    });
  };

  // The role changes in AWS behind the console's back: only a new check can show it.
  updateTrustPolicy(roleName, trustPolicy([`${ACCOUNT_NAME}@*@some-other-stack@*`]));
  await verifyAgain();
  await expect(card.getByText('AccessDenied').first()).toBeVisible();
  await expect(card.getByText('Verified', { exact: true })).toHaveCount(0);

  updateTrustPolicy(roleName, trustPolicy([`${ACCOUNT_NAME}@*`]));
  await verifyAgain();
  await expect(card.getByText('Verified', { exact: true })).toBeVisible();
  await expect(card.getByText('AccessDenied')).toHaveCount(0);
  await expect(card.getByRole('button', { name: /Copy assumed-role ARN/ })).toHaveCount(2);
});

test('a duration over the role maximum shows the duration hint', async ({
  adminPage: page,
  unique,
  cleanup,
}) => {
  test.setTimeout(60_000);
  const roleName = unique('short-session-role');
  const name = unique('long-duration');
  cleanup.role(roleName);
  cleanup.integration(name);
  // IAM's floor for MaxSessionDuration is 3600 s, our ceiling for Duration too; the sandbox
  // tag lowers the role's limit so the over-max answer can be shown at all.
  const roleArn = createRole(roleName, trustPolicy([`${ACCOUNT_NAME}@*`]), [
    'Key=rolebridge-sandbox:max-session-duration,Value=900',
  ]);

  await page.goto('/integrations/new/aws?step=5');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Role ARN', { exact: true }).fill(roleArn);
  await page.getByRole('button', { name: 'Set up' }).click();

  await expect(
    page.getByText("Duration is longer than the role's maximum session duration").first(),
  ).toBeVisible({ timeout: 15_000 });
  await expect(
    page.getByText(/aws --endpoint-url \S+ --region us-east-1 iam update-role/).first(),
  ).toBeVisible();
});
