import { execFileSync } from 'node:child_process';
import { DEFAULT_SANDBOX_KEYS } from '../packages/aws-sandbox/src/accounts.js';
import { expect, test } from './support/fresh-account.js';
import { trustPolicy } from './support/sandbox-aws.js';
import { signedWith, startReceiver } from './support/webhook-receiver.js';

// Issue 13's "Must show" in a console of its own that re-checks every integration each 5 s.
test.use({ freshEnv: { ROLEBRIDGE_HEALTH_INTERVAL: '5s' } });
test.describe.configure({ timeout: 120_000 });

const SECRET = 'e2e-must-show-webhook-secret-42';

test('a role broken in AWS shows as failing with no one pressing a button, and a webhook hears it once', async ({
  fresh,
}) => {
  const page = fresh.adminPage;
  const sandbox = `http://127.0.0.1:${Number(new URL(fresh.baseURL).port) + 1}`;
  const aws = (...args: string[]) =>
    execFileSync('/usr/bin/aws', ['--endpoint-url', sandbox, '--output', 'json', ...args], {
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: '/tmp',
        AWS_ACCESS_KEY_ID: DEFAULT_SANDBOX_KEYS.adminKeyId,
        AWS_SECRET_ACCESS_KEY: DEFAULT_SANDBOX_KEYS.adminSecret,
        AWS_DEFAULT_REGION: 'us-east-1',
        AWS_PAGER: '',
      },
    });
  const roleArn = (
    JSON.parse(
      aws(
        'iam',
        'create-role',
        '--role-name',
        'must-show',
        '--assume-role-policy-document',
        trustPolicy(['demo@*']),
      ),
    ) as { Role: { Arn: string } }
  ).Role.Arn;
  const setPolicy = (policy: string) =>
    aws(
      'iam',
      'update-assume-role-policy',
      '--role-name',
      'must-show',
      '--policy-document',
      policy,
    );

  const receiver = await startReceiver();
  try {
    const api = page.request;
    const hook = await api.post(`${fresh.baseURL}/api/webhooks`, {
      data: {
        url: receiver.url,
        events: ['integration.failing', 'integration.recovered'],
        secret: SECRET,
      },
    });
    expect(hook.status()).toBe(201);
    const created = await api.post(`${fresh.baseURL}/api/integrations/aws`, {
      data: { name: 'must-show', spaceId: 'root', roleArn },
    });
    expect(created.status()).toBe(201);

    await page.goto('/integrations');
    const row = page.getByRole('row').filter({ hasText: 'must-show' });
    await expect(row).toContainText('Verified');

    setPolicy(trustPolicy(['someone-else@*']));
    // Nobody presses anything: the scheduler checks, the list reads again by itself.
    await expect(row).toContainText(/Failing\s*since/, { timeout: 30_000 });
    await row.getByRole('link', { name: 'must-show' }).click();
    await expect(page.getByRole('region', { name: 'Health' })).toContainText('Failing since');
    await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBe(1);

    setPolicy(trustPolicy(['demo@*']));
    await expect(page.getByRole('region', { name: 'Health' })).toContainText(
      /Healthy — recovered at/,
      { timeout: 30_000 },
    );
    await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBe(2);
    // Later checks pass too, and are no news.
    await page.waitForTimeout(6_000);
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received.every((r) => signedWith(SECRET, r))).toBe(true);
    expect(receiver.received.map((r) => (JSON.parse(r.body) as { type: string }).type)).toEqual([
      'integration.failing',
      'integration.recovered',
    ]);
  } finally {
    await receiver.close();
  }
});
