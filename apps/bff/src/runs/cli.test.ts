import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type TestAgent from 'supertest/lib/agent.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRole, trustPolicy } from '../test/roles.js';
import { exec, SPECIFIC_STACK_A, token } from '../test/stacks.js';
import { createTestApp, type TestApp } from '../test/test-app.js';

// The CLI as `npx --no rolebridge` runs it: node on the workspace's bin.
const BIN = fileURLToPath(new URL('../../../../packages/cli/bin/rolebridge.js', import.meta.url));

let t: TestApp;
let admin: TestAgent;
let server: Server;
let env: Record<string, string>;
let roleName: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.loginAgent();
  server = t.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const role = await createRole(t.iam, trustPolicy(SPECIFIC_STACK_A));
  roleName = role.roleName;
  const created = await admin
    .post('/api/integrations/aws')
    .send({ name: 'cli', spaceId: 'root', roleArn: role.roleArn })
    .expect(201);
  await admin.post('/api/stacks').send({ slug: 'stack-a', name: 'A', spaceId: 'root' }).expect(201);
  await admin
    .post('/api/stacks/stack-a/aws-integrations')
    .send({ integrationId: created.body.integration.id, read: true, write: true })
    .expect(201);
  env = {
    ROLEBRIDGE_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    ROLEBRIDGE_TOKEN: await token(admin, 'worker'),
    HOME: '/nonexistent',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
  };
});
afterAll(async () => {
  server.close();
  await t.close();
});

const cli = (args: string[], extra: Record<string, string> = {}) =>
  exec(process.execPath, [BIN, ...args], { ...env, ...extra });

describe('rolebridge run', () => {
  it('runs the AWS CLI as the role the plan run assumed, printing no secret', async () => {
    const out = await cli([
      'run',
      '--stack',
      'stack-a',
      '--phase',
      'plan',
      '--',
      // No --region: the run exports AWS_REGION and AWS_DEFAULT_REGION.
      '/usr/bin/aws',
      '--endpoint-url',
      t.sandbox.url,
      'sts',
      'get-caller-identity',
    ]);
    expect(out.code).toBe(0);
    const arn = JSON.parse(out.stdout).Arn as string;
    expect(arn).toMatch(
      new RegExp(`^arn:aws:sts::222222222222:assumed-role/${roleName}/[0-9A-Z]{26}@stack-a@demo$`),
    );
    expect(out.stderr).toMatch(/AWS_ACCESS_KEY_ID, AWS_DEFAULT_REGION, AWS_REGION, AWS_SECRET/);
    expect(out.stdout + out.stderr).not.toMatch(/ASIA[A-Z0-9]{16}/);
  });

  it('passes the variables and the exit code through, and keeps the worker token to itself', async () => {
    const script =
      "console.log(Object.keys(process.env).filter((k) => /^AWS_|^ROLEBRIDGE_/.test(k)).sort().join(' ')); process.exit(7)";
    const out = await cli([
      'run',
      '--stack',
      'stack-a',
      '--phase',
      'apply',
      '--',
      process.execPath,
      '-e',
      script,
    ]);
    expect(out.code).toBe(7);
    expect(out.stdout.trim().split(' ')).toEqual(
      expect.arrayContaining([
        'AWS_ACCESS_KEY_ID',
        'AWS_SECRET_ACCESS_KEY',
        'AWS_SECURITY_TOKEN',
        'AWS_SESSION_TOKEN',
        'ROLEBRIDGE_RUN_ID',
        'ROLEBRIDGE_URL',
      ]),
    );
    expect(out.stdout).not.toContain('ROLEBRIDGE_TOKEN');
  });

  it('says what the console refused and runs nothing', async () => {
    const out = await cli([
      'run',
      '--stack',
      'missing',
      '--',
      process.execPath,
      '-e',
      'console.log("ran")',
    ]);
    expect(out.code).toBe(69);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('No stack with slug missing (stack_not_found)');
    const bad = await cli(['run', '--stack', 'stack-a', '--', 'true'], {
      ROLEBRIDGE_TOKEN: 'nope',
    });
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain('not a Rolebridge token');
  });

  it('prints its usage for --help, help and run --help, with no error first', async () => {
    for (const args of [['--help'], ['-h'], ['help'], ['run', '--help']]) {
      const out = await cli(args);
      expect(out.code, args.join(' ')).toBe(0);
      expect(out.stdout).toMatch(/^Usage: rolebridge run --stack <slug>/);
      expect(out.stderr).toBe('');
    }
    const unknown = await cli(['deploy']);
    expect(unknown.code).toBe(64);
    expect(unknown.stderr).toContain('Unknown command "deploy"');
  });
});
