import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { APIRequestContext, Page } from '@playwright/test';
import { ACCOUNT_NAME, createRole, trustPolicy } from './support/sandbox-aws.js';
import { expect, test } from './setup-fixtures.js';

// Each command starts the CLI through npx and tsx, then the AWS CLI: seconds each when busy.
test.describe.configure({ timeout: 120_000 });

const REPO = fileURLToPath(new URL('..', import.meta.url));

/** A worker's shell: a Rolebridge checkout, Node and the AWS CLI, no AWS settings of its own. */
function onWorker(command: string): string {
  return execFileSync('/bin/bash', ['-e', '-c', command], {
    cwd: REPO,
    encoding: 'utf8',
    env: { PATH: '/usr/bin:/bin', HOME: mkdtempSync(join(tmpdir(), 'worker-home-')) },
  });
}

async function copyCommand(page: Page): Promise<string> {
  await page.evaluate(() => {
    const w = window as unknown as { copied?: string };
    navigator.clipboard.writeText = (text: string) => {
      w.copied = text;
      return Promise.resolve();
    };
  });
  await page.getByRole('button', { name: 'Copy CLI command' }).click();
  return page.evaluate(() => (window as unknown as { copied?: string }).copied ?? '');
}

async function stackUsing(api: APIRequestContext, slug: string, integrationId: string) {
  const created = await api.post('/api/stacks', { data: { slug, name: slug, spaceId: 'root' } });
  expect(created.status(), await created.text()).toBe(201);
  const attached = await api.post(`/api/stacks/${slug}/aws-integrations`, {
    data: { integrationId, read: true, write: true },
  });
  expect(attached.status(), await attached.text()).toBe(201);
}

test("a worker pastes the token screen's command verbatim; its run gets the integration's region, else the platform's", async ({
  adminPage: page,
  api,
  unique,
  cleanup,
}) => {
  const roleName = unique('worker-role');
  cleanup.role(roleName);
  const roleArn = createRole(roleName, trustPolicy([`${ACCOUNT_NAME}@*`]));
  const regional = await api.seedIntegration({
    name: unique('in-ireland'),
    roleArn,
    region: 'eu-west-1',
  });
  const global = await api.seedIntegration({ name: unique('no-region'), roleArn });
  const inIreland = unique('ireland-stack');
  const anywhere = unique('global-stack');
  try {
    await stackUsing(api, inIreland, regional.id);
    await stackUsing(api, anywhere, global.id);

    await page.goto('/settings');
    await page.getByRole('button', { name: 'New token' }).click();
    const form = page.getByRole('form', { name: 'New API token' });
    await form.getByLabel('Token name').fill(unique('worker'));
    await form.getByLabel('Role', { exact: true }).selectOption('worker');
    await form.getByRole('button', { name: 'Create token' }).click();

    const stackPicker = page.getByLabel('Stack to run');
    await stackPicker.selectOption(inIreland);
    const command = await copyCommand(page);
    expect(command).not.toContain('<');
    expect(command).toContain(`--stack ${inIreland} --phase plan -- aws --endpoint-url`);
    // Verbatim: the AWS CLI inside the run signs with the run's keys and region.
    const identity = JSON.parse(onWorker(command)) as { Arn: string };
    expect(identity.Arn).toContain(`:assumed-role/${roleName}/`);

    // What the run exported, through the same CLI: the integration's region...
    const printRegion = ` -- sh -c 'echo "$AWS_REGION $AWS_DEFAULT_REGION"'`;
    const cli = command.slice(0, command.indexOf(' -- '));
    expect(onWorker(cli + printRegion).trim()).toBe('eu-west-1 eu-west-1');
    // ...else the platform's (the sandbox's us-east-1).
    await stackPicker.selectOption(anywhere);
    const other = await copyCommand(page);
    expect(onWorker(other.slice(0, other.indexOf(' -- ')) + printRegion).trim()).toBe(
      'us-east-1 us-east-1',
    );
  } finally {
    await api.delete(`/api/stacks/${inIreland}`);
    await api.delete(`/api/stacks/${anywhere}`);
  }
});
