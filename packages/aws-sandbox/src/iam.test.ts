import {
  CreateRoleCommand,
  DeleteRoleCommand,
  GetRoleCommand,
  ListRolesCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateRoleCommand,
} from '@aws-sdk/client-iam';
import type { IAMClient } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from './server.js';
import type { Sandbox } from './server.js';
import { adminCreds, iamClient, rejectionOf } from './test-helpers.js';

let sandbox: Sandbox;
let iam: IAMClient;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  iam = iamClient(sandbox, adminCreds(sandbox));
});
afterAll(() => sandbox.close());

describe('an admin manages roles through the JS SDK', () => {
  const policyFor = (principal: string) =>
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: principal }, Action: 'sts:AssumeRole' }],
    });

  it('creates, reads, lists, updates and deletes a role', async () => {
    const created = await iam.send(
      new CreateRoleCommand({
        RoleName: 'lifecycle',
        Path: '/rolebridge/',
        AssumeRolePolicyDocument: policyFor('arn:aws:iam::111111111111:root'),
        MaxSessionDuration: 7200,
        Tags: [{ Key: 'team', Value: 'platform' }],
      }),
    );
    expect(created.Role).toMatchObject({
      Arn: 'arn:aws:iam::222222222222:role/rolebridge/lifecycle',
      Path: '/rolebridge/',
      MaxSessionDuration: 7200,
    });
    expect(created.Role?.RoleId).toMatch(/^AROA[A-Z2-7]{17}$/);
    expect(JSON.parse(decodeURIComponent(created.Role?.AssumeRolePolicyDocument ?? ''))).toEqual(
      JSON.parse(policyFor('arn:aws:iam::111111111111:root')),
    );

    const dup = await rejectionOf(
      iam.send(
        new CreateRoleCommand({ RoleName: 'LIFECYCLE', AssumeRolePolicyDocument: policyFor('*') }),
      ),
    );
    // The SDK names IAM's modelled errors `<Code>Exception`; the wire code is kept in `Code`.
    expect([dup.name, dup.Code, dup.message]).toEqual([
      'EntityAlreadyExistsException',
      'EntityAlreadyExists',
      'Role with name LIFECYCLE already exists.',
    ]);
    expect(dup.$metadata).toMatchObject({ httpStatusCode: 409 });

    await iam.send(new UpdateRoleCommand({ RoleName: 'lifecycle', MaxSessionDuration: 43200 }));
    await iam.send(
      new UpdateAssumeRolePolicyCommand({
        RoleName: 'lifecycle',
        PolicyDocument: policyFor('111111111111'),
      }),
    );
    const got = await iam.send(new GetRoleCommand({ RoleName: 'lifecycle' }));
    expect(got.Role?.MaxSessionDuration).toBe(43200);
    expect(got.Role?.Tags).toEqual([{ Key: 'team', Value: 'platform' }]);
    expect(decodeURIComponent(got.Role?.AssumeRolePolicyDocument ?? '')).toBe(
      policyFor('111111111111'),
    );

    const listed = await iam.send(new ListRolesCommand({ PathPrefix: '/rolebridge/' }));
    expect(listed.Roles?.map((r) => r.RoleName)).toEqual(['lifecycle']);

    await iam.send(new DeleteRoleCommand({ RoleName: 'lifecycle' }));
    const gone = await rejectionOf(iam.send(new GetRoleCommand({ RoleName: 'lifecycle' })));
    expect([gone.name, gone.Code, gone.message]).toEqual([
      'NoSuchEntityException',
      'NoSuchEntity',
      'The role with name lifecycle cannot be found.',
    ]);
    expect(gone.$metadata).toMatchObject({ httpStatusCode: 404 });
  });

  it.each([
    [
      'broken JSON',
      '{"Version": "2012-10-17", "Statement": [',
      'This policy contains invalid Json',
    ],
    [
      'a bad principal',
      policyFor('not-an-account'),
      'Invalid principal in policy: "AWS":"not-an-account"',
    ],
    [
      'a user that does not exist',
      policyFor('arn:aws:iam::111111111111:user/nobody'),
      'Invalid principal in policy: "AWS":"arn:aws:iam::111111111111:user/nobody"',
    ],
  ])('rejects a trust policy with %s as MalformedPolicyDocument', async (_, doc, message) => {
    const err = await rejectionOf(
      iam.send(new CreateRoleCommand({ RoleName: 'broken', AssumeRolePolicyDocument: doc })),
    );
    expect([err.name, err.Code, err.message]).toEqual([
      'MalformedPolicyDocumentException',
      'MalformedPolicyDocument',
      message,
    ]);
  });

  it('pages through ListRoles with Marker', async () => {
    for (const name of ['page-a', 'page-b', 'page-c']) {
      await iam.send(
        new CreateRoleCommand({
          RoleName: name,
          Path: '/paged/',
          AssumeRolePolicyDocument: policyFor('*'),
        }),
      );
    }
    const first = await iam.send(new ListRolesCommand({ PathPrefix: '/paged/', MaxItems: 2 }));
    expect([first.IsTruncated, first.Roles?.map((r) => r.RoleName)]).toEqual([
      true,
      ['page-a', 'page-b'],
    ]);
    const second = await iam.send(
      new ListRolesCommand({ PathPrefix: '/paged/', Marker: first.Marker }),
    );
    expect([second.IsTruncated, second.Roles?.map((r) => r.RoleName)]).toEqual([false, ['page-c']]);
  });

  it('enforces MaxSessionDuration bounds on CreateRole', async () => {
    const err = await rejectionOf(
      iam.send(
        new CreateRoleCommand({
          RoleName: 'short',
          AssumeRolePolicyDocument: policyFor('*'),
          MaxSessionDuration: 60,
        }),
      ),
    );
    expect(err.message).toBe(
      "1 validation error detected: Value '60' at 'maxSessionDuration' failed to satisfy constraint: Member must have value greater than or equal to 3600",
    );
  });
});
