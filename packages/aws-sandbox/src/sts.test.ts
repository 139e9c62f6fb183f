import { CreateRoleCommand } from '@aws-sdk/client-iam';
import type { IAMClient } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const ROLE_ARN = 'arn:aws:iam::222222222222:role/rolebridge-demo';
const denial = (arn: string) =>
  `User: arn:aws:iam::111111111111:user/rolebridge is not authorized to perform: sts:AssumeRole on resource: ${arn}`;

let sandbox: Sandbox;
let sts: STSClient;
let iam: IAMClient;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  sts = stsClient(sandbox, platformCreds(sandbox));
  iam = iamClient(sandbox, adminCreds(sandbox));
  await iam.send(
    new CreateRoleCommand({
      RoleName: 'rolebridge-demo',
      AssumeRolePolicyDocument: SPECIFIC_STACK_POLICY,
      Description: 'Rolebridge sandbox demo',
    }),
  );
});
afterAll(() => sandbox.close());

const assume = (input: Partial<ConstructorParameters<typeof AssumeRoleCommand>[0]>) =>
  sts.send(new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: 'verify', ...input }));

describe('the platform identity assumes a customer role through the JS SDK', () => {
  it('reports who the caller is', async () => {
    const me = await sts.send(new GetCallerIdentityCommand({}));
    expect(me).toMatchObject({
      Account: '111111111111',
      Arn: 'arn:aws:iam::111111111111:user/rolebridge',
    });
    expect(me.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('gets ASIA credentials for the stack the policy names, and they work', async () => {
    const out = await assume({ ExternalId: READ_ID_A, DurationSeconds: 1800 });
    const creds = out.Credentials;
    expect(creds?.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(out.AssumedRoleUser?.Arn).toBe(
      'arn:aws:sts::222222222222:assumed-role/rolebridge-demo/verify',
    );
    expect(out.AssumedRoleUser?.AssumedRoleId).toMatch(/^AROA[A-Z2-7]{17}:verify$/);
    const expiresIn = (creds?.Expiration?.getTime() ?? 0) - Date.now();
    expect(expiresIn).toBeGreaterThan(1790_000);
    expect(expiresIn).toBeLessThanOrEqual(1800_000);

    const asRole = stsClient(sandbox, {
      accessKeyId: creds?.AccessKeyId ?? '',
      secretAccessKey: creds?.SecretAccessKey ?? '',
      sessionToken: creds?.SessionToken ?? '',
    });
    const me = await asRole.send(new GetCallerIdentityCommand({}));
    expect(me.Arn).toBe('arn:aws:sts::222222222222:assumed-role/rolebridge-demo/verify');
    expect(me.Account).toBe('222222222222');
  });

  it.each([
    ['another stack', READ_ID_B],
    ['no external ID', undefined],
  ])('is denied with AWS’s exact text for %s', async (_, externalId) => {
    const err = await rejectionOf(
      assume(externalId === undefined ? {} : { ExternalId: externalId }),
    );
    expect(err.name).toBe('AccessDenied');
    expect(err.message).toBe(denial(ROLE_ARN));
    expect(err.$metadata).toMatchObject({
      httpStatusCode: 403,
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
    });
  });

  it('answers a missing role exactly like a denial', async () => {
    const missing = 'arn:aws:iam::222222222222:role/does-not-exist';
    const err = await rejectionOf(assume({ RoleArn: missing, ExternalId: READ_ID_A }));
    expect([err.name, err.message]).toEqual(['AccessDenied', denial(missing)]);
  });

  it('refuses a duration over the role’s MaxSessionDuration', async () => {
    const err = await rejectionOf(assume({ ExternalId: READ_ID_A, DurationSeconds: 7200 }));
    expect(err.name).toBe('ValidationError');
    expect(err.message).toBe(
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    );
    expect(err.$metadata).toMatchObject({ httpStatusCode: 400 });
  });

  it('lists every violated parameter constraint in AWS’s words', async () => {
    const err = await rejectionOf(
      assume({ RoleSessionName: 'x', ExternalId: 'bad id!', DurationSeconds: 60 }),
    );
    expect(err.name).toBe('ValidationError');
    expect(err.message).toBe(
      "3 validation errors detected: Value 'x' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2; " +
        "Value 'bad id!' at 'externalId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@:\\/-]*; " +
        "Value '60' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
    );
  });

  it('says a malformed role ARN is invalid', async () => {
    const err = await rejectionOf(assume({ RoleArn: 'not-an-arn-but-long-enough' }));
    expect([err.name, err.message]).toEqual([
      'ValidationError',
      'not-an-arn-but-long-enough is invalid',
    ]);
  });

  it('refuses root credentials', async () => {
    const root = stsClient(sandbox, {
      accessKeyId: sandbox.keys.rootKeyId,
      secretAccessKey: sandbox.keys.rootSecret,
    });
    const err = await rejectionOf(
      root.send(
        new AssumeRoleCommand({
          RoleArn: ROLE_ARN,
          RoleSessionName: 'root',
          ExternalId: READ_ID_A,
        }),
      ),
    );
    expect([err.name, err.message]).toEqual([
      'AccessDenied',
      'Roles may not be assumed by root accounts.',
    ]);
  });

  it('rejects unknown keys and bad secrets like AWS', async () => {
    const unknown = stsClient(sandbox, {
      accessKeyId: 'AKIAUNKNOWNUNKNOWN00',
      secretAccessKey: 'x',
    });
    const a = await rejectionOf(unknown.send(new GetCallerIdentityCommand({})));
    expect([a.name, a.message, (a.$metadata as { httpStatusCode: number }).httpStatusCode]).toEqual(
      ['InvalidClientTokenId', 'The security token included in the request is invalid.', 403],
    );
    const wrong = stsClient(sandbox, { ...platformCreds(sandbox), secretAccessKey: 'wrong' });
    const b = await rejectionOf(wrong.send(new GetCallerIdentityCommand({})));
    expect(b.name).toBe('SignatureDoesNotMatch');
    expect(b.message).toMatch(
      /^The request signature we calculated does not match the signature you provided/,
    );
  });
});

describe('role chaining and principal forms', () => {
  it('lets a session of one role assume another that trusts it, within the 1-hour chain limit', async () => {
    const hop = await assume({ ExternalId: READ_ID_A });
    const c = hop.Credentials;
    const chained = stsClient(sandbox, {
      accessKeyId: c?.AccessKeyId ?? '',
      secretAccessKey: c?.SecretAccessKey ?? '',
      sessionToken: c?.SessionToken ?? '',
    });
    await iam.send(
      new CreateRoleCommand({
        RoleName: 'second-hop',
        MaxSessionDuration: 43200,
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: { AWS: ROLE_ARN }, Action: 'sts:AssumeRole' },
            {
              Effect: 'Deny',
              Principal: { AWS: '*' },
              Action: 'sts:AssumeRole',
              Condition: { StringEquals: { 'sts:RoleSessionName': 'forbidden' } },
            },
          ],
        }),
      }),
    );
    const second = 'arn:aws:iam::222222222222:role/second-hop';
    const ok = await chained.send(
      new AssumeRoleCommand({ RoleArn: second, RoleSessionName: 'hop2' }),
    );
    expect(ok.AssumedRoleUser?.Arn).toBe('arn:aws:sts::222222222222:assumed-role/second-hop/hop2');

    const long = await rejectionOf(
      chained.send(
        new AssumeRoleCommand({ RoleArn: second, RoleSessionName: 'hop2', DurationSeconds: 7200 }),
      ),
    );
    expect(long.message).toBe(
      'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    );

    const denied = await rejectionOf(
      chained.send(new AssumeRoleCommand({ RoleArn: second, RoleSessionName: 'forbidden' })),
    );
    expect(denied.message).toBe(
      'User: arn:aws:sts::222222222222:assumed-role/rolebridge-demo/verify is not authorized to perform: ' +
        `sts:AssumeRole on resource: ${second}`,
    );

    // Trusting a role is not trusting its account: the platform user itself stays out.
    const direct = await rejectionOf(
      sts.send(new AssumeRoleCommand({ RoleArn: second, RoleSessionName: 'x1' })),
    );
    expect(direct.name).toBe('AccessDenied');
  });
});
