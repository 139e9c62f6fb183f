import { execFileSync } from 'node:child_process';
import { DEFAULT_SANDBOX_KEYS } from '../../packages/aws-sandbox/src/accounts.js';

/** The e2e server's sandbox listens one port above the app (see playwright.config.ts). */
const SANDBOX_PORT = Number(process.env.E2E_PORT ?? 8791) + 1;
export const PLATFORM_ACCOUNT = '111111111111';
export const CUSTOMER_ACCOUNT = '222222222222';
export { ACCOUNT_NAME } from '../env.js';

/** The real AWS CLI, signed with the sandbox customer admin's keys, as a user would run it. */
export function aws(...args: string[]): string {
  return execFileSync(
    '/usr/bin/aws',
    ['--endpoint-url', `http://127.0.0.1:${SANDBOX_PORT}`, '--output', 'json', ...args],
    {
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: process.env.HOME ?? '/tmp',
        AWS_ACCESS_KEY_ID: DEFAULT_SANDBOX_KEYS.adminKeyId,
        AWS_SECRET_ACCESS_KEY: DEFAULT_SANDBOX_KEYS.adminSecret,
        AWS_DEFAULT_REGION: 'us-east-1',
        AWS_PAGER: '',
      },
    },
  );
}

/** A trust policy for Rolebridge's identity, with the given sts:ExternalId patterns (none: no condition). */
export function trustPolicy(externalIds: string[] | null): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: PLATFORM_ACCOUNT },
        Action: 'sts:AssumeRole',
        ...(externalIds && { Condition: { StringLike: { 'sts:ExternalId': externalIds } } }),
      },
    ],
  });
}

export function createRole(roleName: string, policy: string, tags: string[] = []): string {
  const tagArgs = tags.length ? ['--tags', ...tags] : [];
  const out = JSON.parse(
    aws(
      'iam',
      'create-role',
      '--role-name',
      roleName,
      '--assume-role-policy-document',
      policy,
      ...tagArgs,
    ),
  ) as { Role: { Arn: string } };
  return out.Role.Arn;
}

export function updateTrustPolicy(roleName: string, policy: string): void {
  aws('iam', 'update-assume-role-policy', '--role-name', roleName, '--policy-document', policy);
}

export function deleteRole(roleName: string): void {
  try {
    aws('iam', 'delete-role', '--role-name', roleName);
  } catch {
    // Already gone (or never created because the test failed early): nothing to clean.
  }
}
