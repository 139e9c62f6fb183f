import { CreateRoleCommand, type IAMClient } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from './server.js';
import { adminCreds, iamClient, platformCreds, rejectionOf, stsClient } from './test-helpers.js';

// The request context the sandbox builds for AssumeRole, seen through the real AWS SDK.
const CUSTOMER = '222222222222';
const PLATFORM_USER = 'arn:aws:iam::111111111111:user/rolebridge';
// The real clock: SigV4 refuses more than 15 minutes of skew.
const STARTED = Date.now() - 1000;
const iso = (ms: number) => new Date(ms).toISOString();
let sandbox: Sandbox;
let sts: STSClient;
let iam: IAMClient;

const policy = (statement: Record<string, unknown>, action: string | string[] = 'sts:AssumeRole') =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { AWS: '111111111111' }, Action: action, ...statement },
    ],
  });

async function role(name: string, document: string, extra: Record<string, unknown> = {}) {
  await iam.send(
    new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: document, ...extra }),
  );
  return `arn:aws:iam::${CUSTOMER}:role${(extra.Path as string | undefined) ?? '/'}${name}`;
}

const assume = (client: STSClient, RoleArn: string, extra: Record<string, unknown> = {}) =>
  client.send(new AssumeRoleCommand({ RoleArn, RoleSessionName: 's1', ...extra }));

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  sts = stsClient(sandbox, platformCreds(sandbox));
  iam = iamClient(sandbox, adminCreds(sandbox));
});
afterAll(() => sandbox.close());

// "User: … is not authorized to perform: sts:TagSession on resource: …", the text users
// report from AWS in https://github.com/aws-actions/configure-aws-credentials/issues/54
// and (SetSourceIdentity) https://github.com/noqdev/iambic/issues/357
describe('session tags and source identity need their own actions', () => {
  it('refuses tags without sts:TagSession, naming that action', async () => {
    const arn = await role('tags-no', policy({}));
    const err = await rejectionOf(assume(sts, arn, { Tags: [{ Key: 'Project', Value: 'blue' }] }));
    expect(err.name).toBe('AccessDenied');
    expect(err.message).toBe(
      `User: ${PLATFORM_USER} is not authorized to perform: sts:TagSession on resource: ${arn}`,
    );
    await expect(assume(sts, arn)).resolves.toBeDefined();
  });

  it('checks aws:RequestTag and aws:TagKeys once sts:TagSession is allowed', async () => {
    const arn = await role(
      'tags-yes',
      policy(
        {
          Condition: {
            StringEqualsIfExists: { 'aws:RequestTag/Project': 'blue' },
            'ForAllValues:StringEquals': { 'aws:TagKeys': ['Project', 'Team'] },
          },
        },
        ['sts:AssumeRole', 'sts:TagSession'],
      ),
    );
    await expect(
      assume(sts, arn, { Tags: [{ Key: 'Project', Value: 'blue' }] }),
    ).resolves.toBeDefined();
    expect(
      (await rejectionOf(assume(sts, arn, { Tags: [{ Key: 'Project', Value: 'red' }] }))).name,
    ).toBe('AccessDenied');
    const extraKey = assume(sts, arn, { Tags: [{ Key: 'Cost', Value: 'x' }] });
    expect((await rejectionOf(extraKey)).name).toBe('AccessDenied');
  });

  it('refuses a source identity without sts:SetSourceIdentity and echoes it with', async () => {
    const no = await role('si-no', policy({}));
    const err = await rejectionOf(assume(sts, no, { SourceIdentity: 'alice' }));
    expect(err.message).toContain(
      'is not authorized to perform: sts:SetSourceIdentity on resource',
    );
    const yes = await role(
      'si-yes',
      policy({ Condition: { StringEquals: { 'sts:SourceIdentity': 'alice' } } }, [
        'sts:AssumeRole',
        'sts:SetSourceIdentity',
      ]),
    );
    expect((await assume(sts, yes, { SourceIdentity: 'alice' })).SourceIdentity).toBe('alice');
  });
});

describe('source IP, time and region come from the request itself', () => {
  it('aws:SourceIp is the loopback address the sandbox sees', async () => {
    const inside = await role(
      'ip-in',
      policy({ Condition: { IpAddress: { 'aws:SourceIp': '127.0.0.0/8' } } }),
    );
    const outside = await role(
      'ip-out',
      policy({ Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } }),
    );
    await expect(assume(sts, inside)).resolves.toBeDefined();
    expect((await rejectionOf(assume(sts, outside))).name).toBe('AccessDenied');
  });

  it('aws:CurrentTime is the sandbox clock and aws:RequestedRegion the signing region', async () => {
    const arn = await role(
      'time',
      policy({
        Condition: {
          DateLessThan: { 'aws:CurrentTime': iso(STARTED + 86_400_000) },
          DateGreaterThan: { 'aws:EpochTime': String(Math.floor(STARTED / 1000) - 60) },
          StringEquals: { 'aws:RequestedRegion': 'eu-west-1' },
        },
      }),
    );
    await expect(
      assume(stsClient(sandbox, platformCreds(sandbox), 'eu-west-1'), arn),
    ).resolves.toBeDefined();
    expect((await rejectionOf(assume(sts, arn))).name).toBe('AccessDenied');
  });
});

describe('a role session assuming another role', () => {
  it('is its role with the path, role ID:session, role tags and no MFA', async () => {
    const first = await role('chain-a', policy({}), {
      Path: '/ci/',
      Tags: [{ Key: 'team', Value: 'platform' }],
    });
    const out = await assume(sts, first, { RoleSessionName: 'run-1' });
    const c = out.Credentials;
    const session = stsClient(sandbox, {
      accessKeyId: c?.AccessKeyId ?? '',
      secretAccessKey: c?.SecretAccessKey ?? '',
      sessionToken: c?.SessionToken ?? '',
    });
    const me = await session.send(new GetCallerIdentityCommand({}));
    const second = await role(
      'chain-b',
      JSON.stringify({
        Version: '2012-10-17',
        Statement: {
          Effect: 'Allow',
          Principal: { AWS: first },
          Action: 'sts:AssumeRole',
          Condition: {
            ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${CUSTOMER}:role/ci/*` },
            StringEquals: { 'aws:PrincipalTag/Team': 'platform', 'aws:userid': me.UserId ?? '' },
            Bool: { 'aws:MultiFactorAuthPresent': 'false' },
            DateGreaterThanEquals: { 'aws:TokenIssueTime': iso(STARTED - 1000) },
          },
        },
      }),
    );
    expect(me.UserId).toMatch(/^AROA[A-Z2-7]+:run-1$/);
    await expect(assume(session, second)).resolves.toBeDefined();
  });
});
