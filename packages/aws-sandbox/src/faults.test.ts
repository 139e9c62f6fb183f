import {
  CreateRoleCommand,
  GetRoleCommand,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import type { IAMClient } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FAULT_TAGS } from './faults.js';
import { startSandbox } from './server.js';
import type { Sandbox } from './server.js';
import {
  READ_ID_A,
  READ_ID_B,
  SPECIFIC_STACK_POLICY,
  adminCreds,
  iamClient,
  platformCreds,
  rejectionOf,
  stsClient,
} from './test-helpers.js';

const arn = (name: string) => `arn:aws:iam::222222222222:role/${name}`;

let sandbox: Sandbox;
let iam: IAMClient;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, faultControl: true });
  iam = iamClient(sandbox, adminCreds(sandbox));
  await iam.send(
    new CreateRoleCommand({ RoleName: 'faulty', AssumeRolePolicyDocument: SPECIFIC_STACK_POLICY }),
  );
  await iam.send(
    new CreateRoleCommand({
      RoleName: 'tagged-throttle',
      AssumeRolePolicyDocument: SPECIFIC_STACK_POLICY,
      Tags: [{ Key: FAULT_TAGS.throttle, Value: 'true' }],
    }),
  );
});
afterAll(() => sandbox.close());
afterEach(() => sandbox.faults.reset());

const assume = (roleName: string, externalId = READ_ID_A, region = 'us-east-1') =>
  stsClient(sandbox, platformCreds(sandbox), region).send(
    new AssumeRoleCommand({
      RoleArn: arn(roleName),
      RoleSessionName: 'fault-test',
      ExternalId: externalId,
    }),
  );

describe('faults a test can switch on', () => {
  it('throttles one region only', async () => {
    sandbox.faults.setRegion('eu-west-1', { throttle: true });
    const err = await rejectionOf(assume('faulty', READ_ID_A, 'eu-west-1'));
    expect([err.name, err.message]).toEqual(['Throttling', 'Rate exceeded']);
    expect(err.$metadata).toMatchObject({ httpStatusCode: 400 });
    await expect(assume('faulty')).resolves.toBeDefined();
  });

  it('throttles one role, set in-process or by tag', async () => {
    sandbox.faults.setRole(arn('faulty'), { throttle: true });
    expect((await rejectionOf(assume('faulty'))).name).toBe('Throttling');
    expect((await rejectionOf(assume('tagged-throttle'))).name).toBe('Throttling');
  });

  it('disables STS in a region with AWS’s text', async () => {
    sandbox.faults.setRegion('ap-east-1', { disabled: true });
    const err = await rejectionOf(assume('faulty', READ_ID_A, 'ap-east-1'));
    expect(err.name).toBe('RegionDisabledException');
    expect(err.message).toBe(
      'STS is not activated in this region for account:222222222222. ' +
        'Your account administrator can activate STS in this region using the IAM Console.',
    );
    expect(err.$metadata).toMatchObject({ httpStatusCode: 403 });
  });

  it('adds latency to a role', async () => {
    sandbox.faults.setRole(arn('faulty'), { latencyMs: 250 });
    const started = Date.now();
    await assume('faulty');
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
  });

  it("lowers a role's MaxSessionDuration below IAM's floor", async () => {
    sandbox.faults.setRole(arn('faulty'), { maxSessionDuration: 900 });
    const over = stsClient(sandbox, platformCreds(sandbox), 'us-east-1').send(
      new AssumeRoleCommand({
        RoleArn: arn('faulty'),
        RoleSessionName: 'fault-test',
        ExternalId: READ_ID_A,
        DurationSeconds: 3600,
      }),
    );
    const err = await rejectionOf(over);
    expect(err.name).toBe('ValidationError');
    expect(err.message).toBe(
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    );
    await expect(assume('faulty')).resolves.toBeDefined();
  });

  it('delays a changed trust policy, as IAM propagation does', async () => {
    sandbox.faults.setPropagationDelay(400);
    const stackB = SPECIFIC_STACK_POLICY.replace('stack-a', 'stack-b');
    await iam.send(
      new UpdateAssumeRolePolicyCommand({ RoleName: 'faulty', PolicyDocument: stackB }),
    );
    const role = await iam.send(new GetRoleCommand({ RoleName: 'faulty' }));
    expect(decodeURIComponent(role.Role?.AssumeRolePolicyDocument ?? '')).toBe(stackB);

    expect((await rejectionOf(assume('faulty', READ_ID_B))).name).toBe('AccessDenied');
    await expect(assume('faulty', READ_ID_A)).resolves.toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 450));
    await expect(assume('faulty', READ_ID_B)).resolves.toBeDefined();
    expect((await rejectionOf(assume('faulty', READ_ID_A))).name).toBe('AccessDenied');
  });

  it('hides a new role from STS for the propagation delay', async () => {
    sandbox.faults.setPropagationDelay(300);
    await iam.send(
      new CreateRoleCommand({ RoleName: 'fresh', AssumeRolePolicyDocument: SPECIFIC_STACK_POLICY }),
    );
    expect((await rejectionOf(assume('fresh'))).name).toBe('AccessDenied');
    await new Promise((resolve) => setTimeout(resolve, 350));
    await expect(assume('fresh')).resolves.toBeDefined();
  });
});

describe('the HTTP fault control', () => {
  const control = `/_sandbox/faults`;

  it('replaces, reports and resets faults', async () => {
    const put = await fetch(`${sandbox.url}${control}`, {
      method: 'PUT',
      body: JSON.stringify({
        regions: { 'us-west-2': { throttle: true, latencyMs: 10 } },
        propagationDelayMs: 5,
      }),
    });
    expect(put.status).toBe(200);
    const sts = stsClient(sandbox, platformCreds(sandbox), 'us-west-2');
    expect((await rejectionOf(sts.send(new GetCallerIdentityCommand({})))).name).toBe('Throttling');

    await fetch(`${sandbox.url}${control}`, { method: 'DELETE' });
    const now: unknown = await (await fetch(`${sandbox.url}${control}`)).json();
    expect(now).toEqual({ regions: {}, roles: {}, propagationDelayMs: 0 });
    await expect(sts.send(new GetCallerIdentityCommand({}))).resolves.toBeDefined();
  });

  it('rejects settings it does not know', async () => {
    const put = await fetch(`${sandbox.url}${control}`, {
      method: 'PUT',
      body: JSON.stringify({ regions: { 'us-west-2': { explode: true } } }),
    });
    expect(put.status).toBe(400);
    expect(await put.json()).toEqual({
      error: 'regions.us-west-2.explode is not a known fault setting',
    });
  });

  it('is absent unless the embedder enables it', async () => {
    const plain = await startSandbox({ port: 0 });
    try {
      const res = await fetch(`${plain.url}${control}`, { method: 'PUT', body: '{}' });
      expect(res.status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
