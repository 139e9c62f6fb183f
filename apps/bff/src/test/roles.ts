import { CreateRoleCommand, type IAMClient } from '@aws-sdk/client-iam';
import type { STSClient } from '@aws-sdk/client-sts';
import { expect } from 'vitest';
import type { TestApp } from './test-app.js';

const PLATFORM_ACCOUNT = '111111111111';

/** A trust policy of one Allow statement for the platform account, with an optional condition. */
export function trustPolicy(externalIdPattern?: string | string[], operator = 'StringLike') {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: PLATFORM_ACCOUNT },
        Action: 'sts:AssumeRole',
        ...(externalIdPattern && {
          Condition: { [operator]: { 'sts:ExternalId': externalIdPattern } },
        }),
      },
    ],
  });
}

/** The setup guide's "Any stack can use role" policy for account `demo`. */
export const ANY_STACK_POLICY = trustPolicy('demo@*');

let counter = 0;
export async function createRole(iam: IAMClient, policy: string, maxSessionDuration = 3600) {
  const roleName = `rb-test-${process.pid}-${++counter}`;
  const out = await iam.send(
    new CreateRoleCommand({
      RoleName: roleName,
      AssumeRolePolicyDocument: policy,
      MaxSessionDuration: maxSessionDuration,
    }),
  );
  return { roleName, roleArn: out.Role?.Arn ?? '' };
}

interface IssuedCredentials {
  Credentials?: { SecretAccessKey?: string; SessionToken?: string };
}

/** Records every secret STS hands the BFF, so a test can prove none of them leaks. */
export function captureIssuedSecrets(into: string[]) {
  return (client: STSClient) => {
    client.middlewareStack.add(
      (next) => async (args) => {
        const result = await next(args);
        const { Credentials } = result.output as IssuedCredentials;
        if (Credentials?.SecretAccessKey) into.push(Credentials.SecretAccessKey);
        if (Credentials?.SessionToken) into.push(Credentials.SessionToken);
        return result;
      },
      { step: 'initialize', name: 'captureIssuedSecrets' },
    );
  };
}

/** What STS issued appears in no response body, log line or database page. */
export async function expectNoLeak(t: TestApp, issued: string[], responses: string[]) {
  expect(issued.length).toBeGreaterThan(0);
  const logs = t.logLines.join('');
  const database = await t.databaseText();
  const bodies = responses.join('');
  for (const secret of issued) {
    expect(bodies).not.toContain(secret);
    expect(logs).not.toContain(secret);
    expect(database).not.toContain(secret);
  }
  expect(bodies + logs + database).not.toMatch(/SecretAccessKey|SessionToken|ASIA[A-Z0-9]{16}/);
}
