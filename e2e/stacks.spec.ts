import type { APIRequestContext, Page } from '@playwright/test';
import { E2E_ADMIN } from './env.js';
import { ACCOUNT_NAME, createRole, trustPolicy, updateTrustPolicy } from './support/sandbox-aws.js';
import { expect, expectAccessible, screenshot, test as base } from './setup-fixtures.js';

interface StackFixtures {
  /** Stacks (by slug) to delete when the test ends, before their integrations go. */
  stacks: { remove(slug: string): void };
}

// Depends on `cleanup` so it is torn down first: an integration cannot be deleted while a
// stack still uses it.
const test = base.extend<StackFixtures>({
  stacks: async ({ api, cleanup: _cleanup }, use) => {
    const slugs: string[] = [];
    await use({ remove: (slug) => slugs.push(slug) });
    for (const slug of slugs) await api.delete(`/api/stacks/${slug}`);
  },
});

async function createIntegration(api: APIRequestContext, data: Record<string, unknown>) {
  const res = await api.post('/api/integrations/aws', { data: { spaceId: 'root', ...data } });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { integration: { id: string } }).integration.id;
}

async function createStackInUi(page: Page, name: string, slug: string) {
  await page.goto('/stacks/new');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Slug', { exact: true }).fill(slug);
  await page.getByRole('button', { name: 'Create stack' }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/stacks/${slug}`));
}

test('an admin attaches an integration from the stack page, sees the masked computed variables, and detaches it', async ({
  adminPage: page,
  api,
  unique,
  cleanup,
  stacks,
}) => {
  // A refused re-check of a just-created integration waits for IAM propagation retries.
  test.setTimeout(120_000);
  const slug = unique('web');
  const name = unique('network-stack');
  const integrationName = unique('stack-role-int');
  const roleName = unique('stack-role');
  cleanup.role(roleName);
  cleanup.integration(integrationName);
  stacks.remove(slug);
  // The seed guide's "specific stack" policy: only this stack, any integration, any phase.
  const roleArn = createRole(roleName, trustPolicy([`${ACCOUNT_NAME}@*@${slug}@*`]));
  const integrationId = await createIntegration(api, {
    name: integrationName,
    roleArn,
    verifyTarget: { variant: 'specific-stacks', stackSlugs: [slug] },
  });

  await createStackInUi(page, name, slug);
  const createdBanner = page.getByText('Stack created. Attach an AWS integration');
  await expect(createdBanner).toBeVisible();
  const attachForm = page.getByRole('form', { name: 'Attach integration' });
  // The picker says how each integration fared at its last check.
  await expect(
    attachForm.getByRole('option', { name: `${integrationName} (root) · Verified` }),
  ).toBeAttached();
  await attachForm.getByLabel('Integration').selectOption(integrationId);
  await attachForm.getByLabel('Read', { exact: true }).check();
  await attachForm.getByLabel('Write', { exact: true }).check();
  await attachForm.getByRole('button', { name: 'Attach' }).click();

  const attached = page.getByRole('table', { name: 'Attached AWS integrations' });
  await expect(attached.getByRole('link', { name: integrationName })).toBeVisible({
    timeout: 30_000,
  });
  await expect(attached.getByLabel(`Read for ${integrationName}`)).toBeChecked();
  await expect(attached.getByLabel(`Write for ${integrationName}`)).toBeChecked();
  // Done what it asked: the advice to attach goes away.
  await expect(createdBanner).toHaveCount(0);
  await screenshot(page, 'stack-integrations');

  await page.getByRole('tab', { name: 'Environment' }).click();
  const variables = page.getByRole('table', { name: 'Computed environment variables' });
  const keyRow = variables.getByRole('row', { name: /AWS_ACCESS_KEY_ID/ });
  await expect(keyRow).toContainText('<computed>');
  await expect(keyRow).toContainText(integrationName);
  for (const v of ['AWS_SECRET_ACCESS_KEY', 'AWS_SECURITY_TOKEN', 'AWS_SESSION_TOKEN'])
    await expect(variables.getByRole('row', { name: new RegExp(v) })).toContainText('<computed>');

  await page.getByRole('button', { name: 'Trigger plan' }).click();
  const started = page.getByRole('status').filter({ hasText: /Plan run .* started/ });
  await expect(started).toContainText('AWS_ACCESS_KEY_ID = <computed>');
  const runs = page.getByRole('table', { name: 'Recent runs' });
  await expect(runs.getByRole('row')).toHaveCount(2);
  // Names, not ids: the integration (linked to its page) and who started the run.
  const run = runs.getByRole('row').nth(1);
  await expect(run.getByRole('link', { name: integrationName })).toHaveAttribute(
    'href',
    `/integrations/aws/${integrationId}`,
  );
  await expect(run).toContainText(`by ${E2E_ADMIN.email}`);
  await expect(run).not.toContainText(integrationId);
  // The run really assumed the role; its keys must still never reach the browser.
  expect(await page.content()).not.toMatch(/ASIA[0-9A-Z]{12,}/);
  await screenshot(page, 'stack-environment');

  // The audit log reads the same way: who, which stack, which integration.
  await page.goto('/settings');
  const audit = page.getByRole('region', { name: 'Audit log' });
  await audit.getByRole('button', { name: 'Show audit log' }).click();
  await audit.getByLabel('Action', { exact: true }).selectOption('run.start');
  // The filtered page has replaced the whole log: the role the run assumed is not in it.
  await expect(audit.getByRole('row').filter({ hasText: 'sts.assume_role' })).toHaveCount(0);
  const runEvent = audit.getByRole('row').filter({ has: page.getByRole('link', { name }) });
  await expect(runEvent).toContainText(E2E_ADMIN.email);
  await expect(runEvent).toContainText(`Stack ${name}`);
  await expect(runEvent.getByRole('link', { name: integrationName })).toBeVisible();

  // The integration's page lists the stack and checks it per phase on demand.
  await page.goto(`/integrations/aws/${integrationId}`);
  const direct = page.getByRole('region', { name: 'Attached directly (1)' });
  await expect(direct.getByRole('link', { name })).toBeVisible();
  const matrix = page.getByRole('table', { name: 'Verification per stack and phase' });
  const row = matrix.getByRole('row', { name: new RegExp(name) }).first();
  await expect(row.getByText('OK')).toHaveCount(2);
  // The role now trusts this stack's plans only: a real re-check must show apply refused.
  updateTrustPolicy(roleName, trustPolicy([`${ACCOUNT_NAME}@*@${slug}@read`]));
  const answered = page.waitForResponse(
    (r) =>
      r.url().endsWith(`/api/integrations/aws/${integrationId}/verify`) &&
      r.request().method() === 'POST',
    // A button that sends nothing fails here, not at the test's timeout.
    { timeout: 30_000 },
  );
  await matrix.getByRole('button', { name: `Re-check ${name}` }).click();
  expect((await answered).status()).toBe(200);
  await expect(row.getByText('AccessDenied')).toBeVisible({ timeout: 30_000 });
  await expect(row.getByText('OK')).toHaveCount(1);
  await screenshot(page, 'integration-matrix');

  await page.goto(`/stacks/${slug}`);
  await attached.getByRole('button', { name: `Detach ${integrationName}` }).click();
  await page
    .getByRole('dialog', { name: /^Detach / })
    .getByRole('button', { name: 'Detach' })
    .click();
  await expect(page.getByText('No AWS integration is attached yet')).toBeVisible();
  await page.getByRole('tab', { name: 'Environment' }).click();
  await expect(page.getByText('No variables')).toBeVisible();
});

test('labelling a stack so auto-attach applies shows it under Auto-attached at once', async ({
  adminPage: page,
  api,
  unique,
  cleanup,
  stacks,
}) => {
  test.setTimeout(60_000);
  const team = unique('team');
  const slug = unique('auto');
  const name = unique('auto-stack');
  const integrationName = unique('auto-int');
  cleanup.integration(integrationName);
  stacks.remove(slug);
  // Worker-assumed, so the BFF does not try the (fictional) role on create.
  const integrationId = await createIntegration(api, {
    name: integrationName,
    roleArn: 'arn:aws:iam::222222222222:role/e2e',
    assumeRoleOnWorker: true,
    labels: [`autoattach:${team}`],
    autoattachEnabled: true,
  });

  await createStackInUi(page, name, slug);
  await expect(page.getByText('No AWS integration is attached yet')).toBeVisible();
  await expect(page.getByText('Stack created. Attach an AWS integration')).toBeVisible();
  await page.getByRole('button', { name: 'Edit' }).click();
  const labels = page.getByLabel('Labels');
  await labels.fill(team);
  await labels.press('Enter');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Changes saved.')).toBeVisible();

  const row = page
    .getByRole('table', { name: 'Attached AWS integrations' })
    .getByRole('row', { name: new RegExp(integrationName) });
  await expect(row.getByText('Auto-attached')).toBeVisible();
  await expect(row).toContainText(`autoattach:${team}`);
  await expect(row.getByRole('button', { name: /Detach/ })).toHaveCount(0);
  // The label attached it: the "Stack created. Attach…" advice is done with too.
  await expect(page.getByText('Stack created. Attach an AWS integration')).toHaveCount(0);
  await screenshot(page, 'stack-auto-attached');

  // A stack with the label in a space that does not inherit from root cannot take it.
  const closedSpace = unique('closed-space');
  const space = await api.post('/api/spaces', {
    data: { name: closedSpace, parentId: 'root', inheritEntities: false },
  });
  expect(space.status(), await space.text()).toBe(201);
  const outside = unique('outside');
  stacks.remove(outside);
  const spaceId = ((await space.json()) as { id: string }).id;
  const made = await api.post('/api/stacks', {
    data: { slug: outside, name: outside, spaceId, labels: [team] },
  });
  expect(made.status(), await made.text()).toBe(201);

  await page.goto(`/integrations/aws/${integrationId}`);
  const usedBy = page.getByRole('region', { name: 'Used by' });
  const auto = usedBy.getByRole('region', { name: 'Auto-attached (1)' });
  await expect(auto.getByRole('link', { name })).toBeVisible();
  // …and "Used by" says which stack and why, rather than leaving it out.
  await expect(auto).toContainText('Matching stacks that did not get it (1)');
  await expect(auto.getByRole('link', { name: outside })).toBeVisible();
  await expect(auto).toContainText(
    `Stack ${outside} matches autoattach:${team} but is in space ${closedSpace}, and space ${closedSpace} does not inherit integrations from its parent`,
  );
  await expect(usedBy.getByRole('heading', { name: 'Attached directly (0)' })).toBeVisible();
  await usedBy.getByLabel('Search by stack name').fill('no-such-stack');
  await expect(usedBy.getByRole('heading', { name: 'Auto-attached (0)' })).toBeVisible();
  await screenshot(page, 'integration-used-by');
});

test('attaching a role that trusts another stack is refused with the fix to copy', async ({
  adminPage: page,
  api,
  unique,
  cleanup,
  stacks,
}) => {
  // A role changed within the last minute gets AccessDenied retried for up to ~20 s.
  test.setTimeout(90_000);
  const slug = unique('refused');
  const integrationName = unique('other-stack-int');
  const roleName = unique('other-stack-role');
  cleanup.role(roleName);
  cleanup.integration(integrationName);
  stacks.remove(slug);
  const roleArn = createRole(roleName, trustPolicy([`${ACCOUNT_NAME}@*@some-other-stack@*`]));
  const integrationId = await createIntegration(api, {
    name: integrationName,
    roleArn,
    verifyTarget: { variant: 'specific-stacks', stackSlugs: ['some-other-stack'] },
  });
  const res = await api.post('/api/stacks', { data: { slug, name: slug, spaceId: 'root' } });
  expect(res.status(), await res.text()).toBe(201);

  await page.goto(`/stacks/${slug}`);
  const attachForm = page.getByRole('form', { name: 'Attach integration' });
  await attachForm.getByLabel('Integration').selectOption(integrationId);
  await attachForm.getByRole('button', { name: 'Attach' }).click();
  await expect(
    page.getByText('The role could not be assumed, so the integration was not attached'),
  ).toBeVisible({ timeout: 60_000 });
  await expect(attachForm.getByText('AccessDenied').first()).toBeVisible();
  await expect(
    attachForm.locator('.hint pre', { hasText: 'sts:ExternalId' }).first(),
  ).toBeVisible();
  await expect(attachForm.getByRole('button', { name: /^Copy fix:/ }).first()).toBeVisible();
  await expect(page.getByText('No AWS integration is attached yet')).toBeVisible();
  await screenshot(page, 'stack-attach-refused');
});

test('the stacks pages have no serious accessibility violations', async ({
  adminPage: page,
  api,
  unique,
  stacks,
}) => {
  // axe runs over four pages: more than the default 30 s on a busy 2-core machine.
  test.setTimeout(90_000);
  const slug = unique('a11y');
  stacks.remove(slug);
  const res = await api.post('/api/stacks', {
    data: { slug, name: `Accessible ${slug}`, spaceId: 'root', labels: ['a11y'] },
  });
  expect(res.status(), await res.text()).toBe(201);

  await page.goto('/stacks');
  await expect(page.getByRole('table', { name: 'Stacks' })).toBeVisible();
  await expectAccessible(page, 'stacks list');
  await screenshot(page, 'stacks-list');

  await page.goto('/stacks/new');
  await expect(page.getByRole('heading', { name: 'Create a stack' })).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill('Billing Networking');
  await expect(page.getByLabel('Slug', { exact: true })).toHaveValue('billing-networking');
  await expectAccessible(page, 'new stack form');
  await screenshot(page, 'stack-new');

  await page.goto(`/stacks/${slug}`);
  await expect(
    page.getByRole('form', { name: 'Attach integration' }).or(page.getByText('can be attached')),
  ).toBeVisible();
  await expectAccessible(page, 'stack page, integrations tab');
  await page.getByRole('tab', { name: 'Environment' }).click();
  await expect(page.getByRole('button', { name: 'Trigger plan' })).toBeVisible();
  await expectAccessible(page, 'stack page, environment tab');
});
