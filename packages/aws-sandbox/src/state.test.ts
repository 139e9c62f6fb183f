import { CreateRoleCommand, GetRoleCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from './server.js';
import {
  READ_ID_A,
  SPECIFIC_STACK_POLICY,
  adminCreds,
  iamClient,
  platformCreds,
  stsClient,
} from './test-helpers.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aws-sandbox-state-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('roles survive a restart when a state file is given', () => {
  it('keeps a role created before the restart, assumable as before', async () => {
    const stateFile = join(dir, 'data', 'aws-sandbox.json');
    const first = await startSandbox({ port: 0, stateFile });
    const created = await iamClient(first, adminCreds(first)).send(
      new CreateRoleCommand({
        RoleName: 'persisted',
        AssumeRolePolicyDocument: SPECIFIC_STACK_POLICY,
      }),
    );
    await first.close();
    expect((await stat(stateFile)).mode & 0o777).toBe(0o600);
    expect(await readFile(stateFile, 'utf8')).not.toMatch(/secret/i);

    const second = await startSandbox({ port: 0, stateFile });
    try {
      const got = await iamClient(second, adminCreds(second)).send(
        new GetRoleCommand({ RoleName: 'persisted' }),
      );
      expect(got.Role?.RoleId).toBe(created.Role?.RoleId);
      const out = await stsClient(second, platformCreds(second)).send(
        new AssumeRoleCommand({
          RoleArn: 'arn:aws:iam::222222222222:role/persisted',
          RoleSessionName: 'after-restart',
          ExternalId: READ_ID_A,
        }),
      );
      expect(out.AssumedRoleUser?.Arn).toBe(
        'arn:aws:sts::222222222222:assumed-role/persisted/after-restart',
      );
    } finally {
      await second.close();
    }
  });

  it('refuses to start over a corrupt state file instead of wiping it', async () => {
    const stateFile = join(dir, 'aws-sandbox.json');
    await writeFile(stateFile, '{"version": 1, "roles": [');
    await expect(startSandbox({ port: 0, stateFile })).rejects.toThrow();
    expect(await readFile(stateFile, 'utf8')).toBe('{"version": 1, "roles": [');
  });

  it('keeps nothing without a state file', async () => {
    const first = await startSandbox({ port: 0 });
    await iamClient(first, adminCreds(first)).send(
      new CreateRoleCommand({
        RoleName: 'ephemeral',
        AssumeRolePolicyDocument: SPECIFIC_STACK_POLICY,
      }),
    );
    await first.close();
    const second = await startSandbox({ port: 0 });
    try {
      await expect(
        iamClient(second, adminCreds(second)).send(new GetRoleCommand({ RoleName: 'ephemeral' })),
      ).rejects.toMatchObject({ name: 'NoSuchEntityException' });
    } finally {
      await second.close();
    }
  });
});
