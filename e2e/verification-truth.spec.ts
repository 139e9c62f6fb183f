import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { ACCOUNT_NAME, createRole, trustPolicy, updateTrustPolicy } from './support/sandbox-aws.js';
import { expect, test } from './setup-fixtures.js';

// Each story runs the real AWS CLI a few times; on a busy machine each call takes seconds.
test.describe.configure({ timeout: 90_000 });

const SANDBOX = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 8791) + 1}`;

/**
 * Pastes text into a fresh shell: only PATH (where `aws` is Debian's AWS CLI v2) and an empty
 * home, so nothing but what the snippet exports signs its requests.
 */
function pasteIntoShell(snippet: string): string {
  return execFileSync('/bin/bash', ['-e', '-c', snippet], {
    encoding: 'utf8',
    env: { PATH: '/usr/bin:/bin', HOME: '/nonexistent' },
  });
}

/**
 * Presses a copy button and returns what it put on the clipboard. Headless Chromium's
 * clipboard can wait on window focus, so the system clipboard is stood in for by a variable.
 */
async function copy(page: Page, name: string | RegExp): Promise<string> {
  await page.evaluate(() => {
    const w = window as unknown as { copied?: string };
    navigator.clipboard.writeText = (text: string) => {
      w.copied = text;
      return Promise.resolve();
    };
  });
  await page.getByRole('button', { name }).first().click();
  await expect(page.getByText('Copied to clipboard').first()).toBeAttached();
  return page.evaluate(() => (window as unknown as { copied?: string }).copied ?? '');
}

async function setPropagationDelay(ms: number) {
  const res = await fetch(`${SANDBOX}/_sandbox/faults`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ propagationDelayMs: ms }),
  });
  expect(res.status).toBe(200);
}

async function setUp(page: Page, name: string, roleArn: string) {
  await page.goto('/integrations/new/aws?step=5');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Role ARN', { exact: true }).fill(roleArn);
  await page.getByRole('button', { name: 'Set up' }).click();
}

test('after a re-check, the details page shows the true status, also after a reload', async ({
  adminPage: page,
  api,
  unique,
  cleanup,
}) => {
  const roleName = unique('truth-role');
  cleanup.role(roleName);
  const roleArn = createRole(roleName, trustPolicy([`${ACCOUNT_NAME}@*`]));
  const name = unique('truth');
  const { id } = await api.seedIntegration({ name, roleArn });

  await page.goto(`/integrations/aws/${id}`);
  const title = page.getByRole('heading', { level: 1 });
  const card = page.getByRole('region', { name: 'Verification' });
  await expect(title.getByText('Verified', { exact: true })).toBeVisible();

  // Someone narrows the role's trust policy in AWS; the re-check fails.
  updateTrustPolicy(roleName, trustPolicy([`${ACCOUNT_NAME}@*@only-this-stack@*`]));
  await card.getByRole('button', { name: 'Verify again' }).click();
  await expect(card.getByText('Failing', { exact: true })).toBeVisible({ timeout: 15_000 });
  // The badge in the title reads the same value as the result below it.
  await expect(title.getByText('Failing', { exact: true })).toBeVisible();

  // The browser revalidates with If-None-Match; a stale 304 would bring "Verified" back.
  await page.reload();
  await expect(title.getByText('Failing', { exact: true })).toBeVisible();
  await expect(card.getByText('Failing', { exact: true })).toBeVisible();
  await expect(page.getByText('Verified', { exact: true })).toHaveCount(0);

  // Editing the role ARN checks the role it now names, at once: a good one turns it green…
  const goodRole = unique('truth-other-role');
  cleanup.role(goodRole);
  const goodArn = createRole(goodRole, trustPolicy([`${ACCOUNT_NAME}@*`]));
  const checkedAt = () => card.locator('time').first().getAttribute('datetime');
  const failedAt = await checkedAt();
  await editRoleArn(page, goodArn);
  await expect(title.getByText('Verified', { exact: true })).toBeVisible();
  await expect(card.getByText('Verified', { exact: true })).toBeVisible();
  const passedAt = await checkedAt();
  expect(passedAt).not.toBe(failedAt);
  // …and back to the narrowed role, red again, with a newer check time.
  await editRoleArn(page, roleArn);
  await expect(title.getByText('Failing', { exact: true })).toBeVisible();
  await expect(card.getByText('Failing', { exact: true })).toBeVisible();
  expect(await checkedAt()).not.toBe(passedAt);
});

async function editRoleArn(page: Page, roleArn: string) {
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByLabel('Role ARN', { exact: true }).fill(roleArn);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Changes saved.')).toBeVisible({ timeout: 15_000 });
}

test('an admin copies the fix command, runs it verbatim with the AWS CLI, and Verify again passes', async ({
  adminPage: page,
  unique,
  cleanup,
}) => {
  const roleName = unique('fix-role');
  const name = unique('fix');
  cleanup.role(roleName);
  cleanup.integration(name);
  const roleArn = createRole(roleName, trustPolicy([`${ACCOUNT_NAME}@*@some-other-stack@*`]));

  await setUp(page, name, roleArn);
  const heading = page.getByRole('heading', { name: new RegExp(`^${name} `) });
  await expect(heading).toHaveText(`${name} was saved, but the role could not be assumed`, {
    timeout: 15_000,
  });
  // Three things to copy: the statement, the whole corrected policy and the command.
  await expect(page.getByRole('button', { name: /^Copy policy:/ }).first()).toBeVisible();
  const command = await copy(page, /^Copy command:/);
  expect(command).toMatch(/^export AWS_ACCESS_KEY_ID=\S+ AWS_SECRET_ACCESS_KEY=\S+\n/);
  expect(command).toContain(
    `aws --endpoint-url ${SANDBOX} --region us-east-1 iam update-assume-role-policy`,
  );
  pasteIntoShell(command);

  await page.getByRole('button', { name: 'Verify again' }).click();
  await expect(heading).toHaveText(`${name} is set up and verified`, { timeout: 15_000 });
  await expect(page.getByText('Verified', { exact: true })).toBeVisible();
  await expect(page.getByText('Failing', { exact: true })).toHaveCount(0);
});

test('while IAM propagates a new role, the result shows retry progress and turns green by itself', async ({
  adminPage: page,
  unique,
  cleanup,
}) => {
  const roleName = unique('slow-iam-role');
  const name = unique('slow-iam');
  cleanup.role(roleName);
  cleanup.integration(name);
  await setPropagationDelay(15_000);
  try {
    const roleArn = createRole(roleName, trustPolicy([`${ACCOUNT_NAME}@*`]));
    await setUp(page, name, roleArn);
    const heading = page.getByRole('heading', { name: new RegExp(`^${name} `) });
    await expect(heading).toHaveText(
      `${name} is saved; AWS has not accepted the role yet, retrying`,
    );
    await expect(page.getByText('Retrying', { exact: true })).toBeVisible();
    await expect(
      page.getByText(/Retrying — IAM changes can take up to a minute \(attempt [2-9], \d+ s\)/),
    ).toBeVisible({ timeout: 10_000 });
    await expect(heading).toHaveText(`${name} is set up and verified`, { timeout: 60_000 });
    await expect(page.getByText('Verified', { exact: true })).toBeVisible();
    await expect(page.getByText(/Passed after \d+ attempts/).first()).toBeVisible();
  } finally {
    await setPropagationDelay(0);
  }
});

test('the generated step-1 AWS CLI command creates the role when pasted into a fresh shell', async ({
  adminPage: page,
  unique,
  cleanup,
}) => {
  const roleName = unique('cli-role');
  cleanup.role(roleName);
  await page.goto('/integrations/new/aws?step=1');
  await page.getByRole('tab', { name: 'AWS CLI' }).click();
  const snippet = await copy(page, 'Copy AWS CLI commands');
  expect(snippet).toContain(`--endpoint-url ${SANDBOX} --region us-east-1 iam create-role`);
  // The wizard names the role itself; give this run's copy a unique name.
  const name = /--role-name '([^']+)'/.exec(snippet)?.[1] ?? '';
  const out = pasteIntoShell(snippet.replaceAll(`'${name}'`, `'${roleName}'`));
  expect(JSON.parse(out)).toMatchObject({
    Role: { Arn: `arn:aws:iam::222222222222:role/${roleName}` },
  });
});

test('an ARN whose account digits are off says so, with the corrected ARN and no get-role', async ({
  adminPage: page,
  unique,
  cleanup,
}) => {
  const roleName = unique('typo-role');
  const name = unique('typo');
  cleanup.role(roleName);
  cleanup.integration(name);
  const roleArn = createRole(roleName, trustPolicy([`${ACCOUNT_NAME}@*`]));
  await setUp(page, name, roleArn.replace('222222222222', '222222222922'));
  await expect(
    page.getByText('Account 222222222922 in the ARN looks like a typo of 222222222222').first(),
  ).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('.hint pre', { hasText: roleArn }).first()).toBeVisible();
  await expect(page.getByText(/get-role/)).toHaveCount(0);
});
