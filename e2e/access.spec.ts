import type { APIRequestContext } from '@playwright/test';
import { ACCOUNT_NAME, createRole, trustPolicy } from './support/sandbox-aws.js';
import { inviteTeammate, pageAs } from './support/users.js';
import { expect, test } from './setup-fixtures.js';

/** A verified integration attached read+write to a new stack, both in root. */
async function seedAttachedStack(
  api: APIRequestContext,
  names: { integration: string; role: string; stack: string },
) {
  const roleArn = createRole(names.role, trustPolicy([`${ACCOUNT_NAME}@*`]));
  const created = await api.post('/api/integrations/aws', {
    data: { name: names.integration, spaceId: 'root', roleArn },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { integration } = (await created.json()) as { integration: { id: string } };
  const stack = await api.post('/api/stacks', {
    data: { slug: names.stack, name: names.stack, spaceId: 'root' },
  });
  expect(stack.status(), await stack.text()).toBe(201);
  const attached = await api.post(`/api/stacks/${names.stack}/aws-integrations`, {
    data: { integrationId: integration.id, read: true, write: true },
  });
  expect(attached.status(), await attached.text()).toBe(201);
  return integration.id;
}

test('a reader sees integrations and stacks but no button that would be refused, and a writer may trigger runs but not edit', async ({
  api,
  baseURL,
  browser,
  unique,
  cleanup,
}) => {
  test.setTimeout(90_000);
  const names = {
    integration: unique('access-int'),
    role: unique('access-role'),
    stack: unique('access-stack'),
  };
  cleanup.integration(names.integration);
  cleanup.role(names.role);
  const integrationId = await seedAttachedStack(api, names);
  const reader = await inviteTeammate(api, baseURL!, `${unique('reader')}@example.com`, 'read');
  const writer = await inviteTeammate(api, baseURL!, `${unique('writer')}@example.com`, 'write');

  try {
    const page = await pageAs(browser, reader);
    // LaunchPad: the steps an admin does carry no link for a reader.
    await expect(page.getByRole('link', { name: 'Set up an AWS integration' })).toHaveCount(0);
    await expect(page.getByText('An admin does this').first()).toBeVisible();

    await page.getByRole('link', { name: 'Integrations' }).click();
    await expect(page.getByRole('link', { name: names.integration })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Set up integration' })).toHaveCount(0);

    await page.goto(`/integrations/aws/${integrationId}`);
    await expect(page.getByRole('heading', { name: names.integration, level: 1 })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Verification', exact: true })).toContainText(
      'read (plan)',
    );
    for (const name of ['Edit', 'Delete', 'Verify again', `Re-check ${names.stack}`])
      await expect(page.getByRole('button', { name })).toHaveCount(0);

    await page.goto(`/stacks/${names.stack}`);
    const attached = page.getByRole('table', { name: 'Attached AWS integrations' });
    await expect(attached.getByRole('link', { name: names.integration })).toBeVisible();
    await expect(attached.getByLabel(`Read for ${names.integration}`)).toBeDisabled();
    await expect(page.getByRole('form', { name: 'Attach integration' })).toHaveCount(0);
    for (const name of ['Edit', 'Delete', `Detach ${names.integration}`])
      await expect(page.getByRole('button', { name })).toHaveCount(0);
    await page.getByRole('tab', { name: 'Environment' }).click();
    await expect(page.getByRole('region', { name: 'Runs' })).toContainText('No runs yet.');
    for (const name of ['Trigger plan', 'Trigger apply'])
      await expect(page.getByRole('button', { name })).toHaveCount(0);
    await page.context().close();

    const mate = await pageAs(browser, writer);
    await mate.goto(`/stacks/${names.stack}?tab=environment`);
    await mate.getByRole('button', { name: 'Trigger plan' }).click();
    await expect(mate.getByRole('status').filter({ hasText: /Plan run .* started/ })).toContainText(
      'AWS_ACCESS_KEY_ID = <computed>',
    );
    await expect(mate.getByRole('button', { name: 'Trigger apply' })).toBeVisible();
    await expect(mate.getByRole('button', { name: 'Edit' })).toHaveCount(0);
    await mate.goto(`/integrations/aws/${integrationId}`);
    await expect(mate.getByRole('heading', { name: names.integration, level: 1 })).toBeVisible();
    for (const name of ['Edit', 'Delete', 'Verify again'])
      await expect(mate.getByRole('button', { name })).toHaveCount(0);
    await mate.context().close();
  } finally {
    await api.delete(`/api/stacks/${names.stack}`);
  }
});
