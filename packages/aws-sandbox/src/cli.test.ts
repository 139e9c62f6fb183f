import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from './server.js';
import type { Sandbox } from './server.js';
import { READ_ID_A, READ_ID_B, SPECIFIC_STACK_POLICY } from './test-helpers.js';
import type { Creds } from './test-helpers.js';

// Debian's awscli v2; the `aws` on PATH may be an old v1 from pip.
const AWS_CLI = '/usr/bin/aws';
const hasCli = existsSync(AWS_CLI);
// CI installs the CLI (.ci/run), so there a missing CLI fails these tests instead of
// skipping them; on a developer machine without it they skip with a warning.
const skipCli = !hasCli && !process.env.CI;
if (skipCli) console.warn(`skipping AWS CLI tests: ${AWS_CLI} is not installed`);

const ROLE_ARN = 'arn:aws:iam::222222222222:role/rolebridge-cli';

let sandbox: Sandbox;
let home: string;

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function aws(creds: Creds, args: string[]): Promise<CliResult> {
  const env: Record<string, string> = {
    HOME: home,
    AWS_CONFIG_FILE: join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    AWS_ACCESS_KEY_ID: creds.accessKeyId,
    AWS_SECRET_ACCESS_KEY: creds.secretAccessKey,
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
    ...(creds.sessionToken === undefined ? {} : { AWS_SESSION_TOKEN: creds.sessionToken }),
  };
  return new Promise((resolve) => {
    execFile(
      AWS_CLI,
      ['--endpoint-url', sandbox.url, '--output', 'json', ...args],
      { env, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const platform = (): Creds => ({
  accessKeyId: sandbox.keys.platformKeyId,
  secretAccessKey: sandbox.keys.platformSecret,
});

const assumeArgs = (...extra: string[]) => [
  'sts',
  'assume-role',
  '--role-arn',
  ROLE_ARN,
  '--role-session-name',
  'cli-check',
  ...extra,
];

describe.skipIf(skipCli)('an admin uses the AWS CLI v2 against the sandbox', () => {
  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'aws-sandbox-cli-'));
    sandbox = await startSandbox({ port: 0 });
    const created = await aws(
      { accessKeyId: sandbox.keys.adminKeyId, secretAccessKey: sandbox.keys.adminSecret },
      [
        'iam',
        'create-role',
        '--role-name',
        'rolebridge-cli',
        '--assume-role-policy-document',
        SPECIFIC_STACK_POLICY,
      ],
    );
    expect(created.stderr).toBe('');
    expect(JSON.parse(created.stdout)).toMatchObject({ Role: { Arn: ROLE_ARN } });
  });
  afterAll(async () => {
    await sandbox.close();
    await rm(home, { recursive: true, force: true });
  });

  it('assumes the role with the matching external ID and uses the credentials', async () => {
    const out = await aws(platform(), assumeArgs('--external-id', READ_ID_A));
    expect(out.code).toBe(0);
    const { Credentials: c } = JSON.parse(out.stdout) as {
      Credentials: { AccessKeyId: string; SecretAccessKey: string; SessionToken: string };
    };
    expect(c.AccessKeyId).toMatch(/^ASIA/);

    const me = await aws(
      {
        accessKeyId: c.AccessKeyId,
        secretAccessKey: c.SecretAccessKey,
        sessionToken: c.SessionToken,
      },
      ['sts', 'get-caller-identity'],
    );
    expect(JSON.parse(me.stdout)).toMatchObject({
      Account: '222222222222',
      Arn: 'arn:aws:sts::222222222222:assumed-role/rolebridge-cli/cli-check',
    });
  });

  it.each([
    ['with another stack’s external ID', ['--external-id', READ_ID_B]],
    ['without an external ID', []],
  ])('is denied %s, with AWS’s exact text', async (_, extra) => {
    const out = await aws(platform(), assumeArgs(...extra));
    expect(out.code).not.toBe(0);
    expect(out.stderr.trim()).toBe(
      'An error occurred (AccessDenied) when calling the AssumeRole operation: ' +
        `User: arn:aws:iam::111111111111:user/rolebridge is not authorized to perform: sts:AssumeRole on resource: ${ROLE_ARN}`,
    );
  });

  it('refuses a duration over the role’s maximum', async () => {
    const out = await aws(
      platform(),
      assumeArgs('--external-id', READ_ID_A, '--duration-seconds', '7200'),
    );
    expect(out.stderr.trim()).toBe(
      'An error occurred (ValidationError) when calling the AssumeRole operation: ' +
        'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    );
  });

  it('rejects a wrong secret with SignatureDoesNotMatch', async () => {
    const out = await aws({ ...platform(), secretAccessKey: 'not-the-secret' }, [
      'sts',
      'get-caller-identity',
    ]);
    expect(out.stderr).toContain(
      'An error occurred (SignatureDoesNotMatch) when calling the GetCallerIdentity operation: ' +
        'The request signature we calculated does not match the signature you provided.',
    );
  });
});
