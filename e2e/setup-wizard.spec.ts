import { CUSTOMER_ACCOUNT, createRole, trustPolicy } from './support/sandbox-aws.js';
import { expect, screenshot, test } from './setup-fixtures.js';

const stepHeading = (title: string) => ({ name: title, level: 2 as const });

test('a new admin follows the wizard from the LaunchPad, creates the role in the sandbox and sees step 2 complete', async ({
  adminPage: page,
  unique,
  cleanup,
}) => {
  test.setTimeout(90_000);
  const roleName = unique('wizard-role');
  const name = unique('wizard');
  cleanup.role(roleName);
  cleanup.integration(name);

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Get started checklist' })).toBeVisible();
  await page.getByRole('link', { name: 'Set up an AWS integration' }).click();

  await expect(page.getByRole('heading', stepHeading('Create a role in AWS'))).toBeVisible();
  await expect(page.getByText('Step 1 of 5')).toBeVisible();
  await page.getByLabel('Role name', { exact: true }).fill(roleName);
  await page.getByRole('button', { name: 'Create this role in the sandbox' }).click();
  await expect(page.getByText(`Role ${roleName} created`)).toBeVisible();
  await screenshot(page, 'wizard-1-create-role');

  await page.getByRole('button', { name: 'Next' }).click();
  const step2 = page.getByRole('heading', stepHeading('Configure trust policy'));
  await expect(step2).toBeFocused();
  await expect(page.getByText('Step 2 of 5')).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Any stack can use role' })).toBeChecked();
  await expect(page.getByText('"demo@*"')).toBeVisible();
  await screenshot(page, 'wizard-2-trust-policy');

  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', stepHeading('Configure role permissions'))).toBeFocused();
  await screenshot(page, 'wizard-3-permissions');

  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', stepHeading('Copy the role ARN'))).toBeFocused();
  const roleArn = `arn:aws:iam::${CUSTOMER_ACCOUNT}:role/${roleName}`;
  await expect(page.getByLabel('Role ARN', { exact: true })).toHaveValue(roleArn);
  await expect(page.getByText('This is a valid role ARN.')).toBeVisible();
  await screenshot(page, 'wizard-4-role-arn');

  // A reload keeps the answers: the step is in the URL, the rest in sessionStorage.
  await page.reload();
  await expect(page.getByLabel('Role ARN', { exact: true })).toHaveValue(roleArn);

  await page.getByRole('button', { name: 'Next' }).click();
  await expect(
    page.getByRole('heading', stepHeading('Create the cloud integration')),
  ).toBeFocused();
  // Named after the role just created in the sandbox, and still editable.
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(roleName);
  await page.getByLabel('Name', { exact: true }).fill(name);
  await expect(page.getByLabel('Role ARN', { exact: true })).toHaveValue(roleArn);
  await screenshot(page, 'wizard-5-create-integration');
  await page.getByRole('button', { name: 'Set up' }).click();

  const result = page.getByRole('heading', { name: `${name} is set up and verified` });
  await expect(result).toBeFocused({ timeout: 30_000 });
  await expect(
    page.getByText('Step 2 of the LaunchPad is complete! Now you can create your first stack.'),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Create your first stack' })).toHaveAttribute(
    'href',
    '/stacks/new',
  );
  const assumed = `arn:aws:sts::${CUSTOMER_ACCOUNT}:assumed-role/${roleName}/`;
  await expect(page.getByText('read (plan)')).toBeVisible();
  await expect(page.getByText('write (apply)')).toBeVisible();
  await expect(page.locator('code', { hasText: assumed })).toHaveCount(2);
  await screenshot(page, 'wizard-6-verified');

  await page.getByRole('link', { name: 'LaunchPad' }).click();
  await expect(
    page.getByRole('listitem').filter({ hasText: 'Integrate your cloud account' }),
  ).toContainText('Complete');
});

test('a user ARN in the Role ARN field is refused before any AWS call', async ({
  adminPage: page,
  unique,
  cleanup,
}) => {
  const name = unique('user-arn');
  cleanup.integration(name);
  const creates: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/api/integrations/aws')) creates.push(r.url());
  });
  const userArn = `arn:aws:iam::${CUSTOMER_ACCOUNT}:user/admin`;
  const advice =
    'This is an IAM user ARN. A role ARN looks like arn:aws:iam::123456789012:role/rolebridge';

  await page.goto('/integrations/new/aws?step=4');
  await page.getByLabel('Role ARN', { exact: true }).fill(userArn);
  await expect(page.getByText(advice)).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', stepHeading('Copy the role ARN'))).toBeVisible();
  await expect(page.getByLabel('Role ARN', { exact: true })).toBeFocused();

  await page.goto('/integrations/new/aws?step=5');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Role ARN', { exact: true }).fill(userArn);
  await page.getByRole('button', { name: 'Set up' }).click();
  await expect(page.getByText(advice)).toBeVisible();
  await expect(page.getByLabel('Role ARN', { exact: true })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  expect(creates).toEqual([]);
});

test('a role without an ExternalId condition passes but warns of the confused-deputy risk', async ({
  adminPage: page,
  unique,
  cleanup,
}) => {
  test.setTimeout(60_000);
  const roleName = unique('open-role');
  const name = unique('open');
  cleanup.role(roleName);
  cleanup.integration(name);
  const roleArn = createRole(roleName, trustPolicy(null));

  await page.goto('/integrations/new/aws?step=5');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Role ARN', { exact: true }).fill(roleArn);
  await page.getByRole('button', { name: 'Set up' }).click();

  await expect(page.getByRole('heading', { name: `${name} is set up and verified` })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByRole('alert').filter({ hasText: 'Confused-deputy risk' })).toBeVisible();
  await expect(
    page.getByRole('button', { name: 'Copy statement with an external ID condition' }),
  ).toBeVisible();
});
