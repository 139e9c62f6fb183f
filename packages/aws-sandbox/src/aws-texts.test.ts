import {
  CreateRoleCommand,
  DeleteRoleCommand,
  GetRoleCommand,
  UpdateAssumeRolePolicyCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, type STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from './server.js';
import { adminCreds, iamClient, platformCreds, rejectionOf, stsClient } from './test-helpers.js';

// Each row: what AWS answers, with where the text comes from.
// - constraints: the STS and IAM API models (botocore/data/sts/2011-06-15/service-2.json,
//   iam/2010-05-08/service-2.json), printed in AWS's Coral validation format
//   ("N validation error(s) detected: Value '…' at '<member>' failed to satisfy constraint: …");
// - MalformedPolicyDocument for a Sid: https://github.com/aws-cloudformation/cfn-lint/issues/1376
// - NoSuchEntity (HTTP 404, https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetRole.html):
//   the text AWS returns, as quoted in https://github.com/jarpy/lambkin/pull/3 and
//   https://github.com/aws/amazon-sagemaker-examples/issues/2300
// - LimitExceeded for the trust policy size: the quota name IAM reports, whitespace not counted
//   (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html).

let sandbox: Sandbox;
let sts: STSClient;
let iam: IAMClient;
const ROLE = 'arn:aws:iam::222222222222:role/texts';
const trust = JSON.stringify({
  Version: '2012-10-17',
  Statement: { Effect: 'Allow', Principal: { AWS: '111111111111' }, Action: 'sts:*' },
});

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  sts = stsClient(sandbox, platformCreds(sandbox));
  iam = iamClient(sandbox, adminCreds(sandbox));
  await iam.send(new CreateRoleCommand({ RoleName: 'texts', AssumeRolePolicyDocument: trust }));
});
afterAll(() => sandbox.close());

const tags = (n: number) => Array.from({ length: n }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
const v1 = (value: string, member: string, constraint: string) =>
  `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: ${constraint}`;

describe('AssumeRole parameter constraints', () => {
  it.each([
    [
      'DurationSeconds over 43200',
      { DurationSeconds: 43201 },
      v1('43201', 'durationSeconds', 'Member must have value less than or equal to 43200'),
    ],
    [
      'RoleSessionName with a space',
      { RoleSessionName: 'a b' },
      v1('a b', 'roleSessionName', 'Member must satisfy regular expression pattern: [\\w+=,.@-]*'),
    ],
    [
      'ExternalId of one character',
      { ExternalId: 'x' },
      v1('x', 'externalId', 'Member must have length greater than or equal to 2'),
    ],
    [
      'ExternalId over 1224',
      { ExternalId: 'x'.repeat(1225) },
      v1('x'.repeat(1225), 'externalId', 'Member must have length less than or equal to 1224'),
    ],
    [
      'SourceIdentity of one character',
      { SourceIdentity: 'a' },
      v1('a', 'sourceIdentity', 'Member must have length greater than or equal to 2'),
    ],
    [
      'SourceIdentity over 64',
      { SourceIdentity: 'a'.repeat(65) },
      v1('a'.repeat(65), 'sourceIdentity', 'Member must have length less than or equal to 64'),
    ],
    [
      '51 session tags',
      { Tags: tags(51) },
      v1('[51 items]', 'tags', 'Member must have length less than or equal to 50'),
    ],
    [
      'a tag key over 128',
      { Tags: [{ Key: 'k'.repeat(129), Value: 'v' }] },
      v1('k'.repeat(129), 'tags.1.member.key', 'Member must have length less than or equal to 128'),
    ],
    [
      'a tag value over 256',
      { Tags: [{ Key: 'k', Value: 'v'.repeat(257) }] },
      v1(
        'v'.repeat(257),
        'tags.1.member.value',
        'Member must have length less than or equal to 256',
      ),
    ],
    [
      'a tag key with a comma',
      { Tags: [{ Key: 'a,b', Value: 'v' }] },
      v1(
        'a,b',
        'tags.1.member.key',
        'Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+',
      ),
    ],
    [
      '51 transitive tag keys',
      { TransitiveTagKeys: tags(51).map((t) => t.Key) },
      v1('[51 items]', 'transitiveTagKeys', 'Member must have length less than or equal to 50'),
    ],
  ])('%s', async (_name, input, message) => {
    const err = await rejectionOf(
      sts.send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'ok', ...input })),
    );
    expect([err.name, err.message]).toEqual(['ValidationError', message]);
  });

  it('accepts 50 session tags and a 2-character source identity', async () => {
    const out = await sts.send(
      new AssumeRoleCommand({
        RoleArn: ROLE,
        RoleSessionName: 'ok',
        Tags: tags(50),
        SourceIdentity: 'ab',
      }),
    );
    expect(out.SourceIdentity).toBe('ab');
  });
});

describe('IAM answers', () => {
  it('refuses a Sid that is not alphanumeric', async () => {
    const doc = trust.replace('"Effect"', '"Sid":"allow platform","Effect"');
    const err = await rejectionOf(
      iam.send(new CreateRoleCommand({ RoleName: 'bad-sid', AssumeRolePolicyDocument: doc })),
    );
    expect([err.Code, err.message]).toEqual([
      'MalformedPolicyDocument',
      'Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*',
    ]);
  });

  it('counts the trust policy size without whitespace', async () => {
    const padded = trust.replace('{', `{${' '.repeat(3000)}`);
    await expect(
      iam.send(new CreateRoleCommand({ RoleName: 'padded', AssumeRolePolicyDocument: padded })),
    ).resolves.toBeDefined();
    const big = trust.replace('"sts:*"', JSON.stringify(Array(200).fill('sts:AssumeRole')));
    const err = await rejectionOf(
      iam.send(new CreateRoleCommand({ RoleName: 'big', AssumeRolePolicyDocument: big })),
    );
    expect([err.Code, err.message]).toEqual([
      'LimitExceeded',
      'Cannot exceed quota for ACLSizePerRole: 2048',
    ]);
  });

  it.each([
    ['GetRole', () => iam.send(new GetRoleCommand({ RoleName: 'missing' }))],
    ['DeleteRole', () => iam.send(new DeleteRoleCommand({ RoleName: 'missing' }))],
    [
      'UpdateAssumeRolePolicy',
      () =>
        iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'missing', PolicyDocument: trust })),
    ],
  ])('%s on a missing role is NoSuchEntity', async (_name, call) => {
    const err = await rejectionOf(call());
    expect([err.Code, err.message, err.$metadata]).toEqual([
      'NoSuchEntity',
      'The role with name missing cannot be found.',
      expect.objectContaining({ httpStatusCode: 404 }),
    ]);
  });
});
