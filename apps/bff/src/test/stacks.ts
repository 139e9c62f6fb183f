import { execFile } from 'node:child_process';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import type { TestApp } from './test-app.js';

/** The setup guide's "Specific stack can use role" policy, for `stack-a` in account `demo`. */
export const SPECIFIC_STACK_A = 'demo@*@stack-a@*';

/** A space under root, as an admin makes it. */
export async function createSpace(admin: TestAgent, name: string, inheritEntities = true) {
  const res = await admin
    .post('/api/spaces')
    .send({ name, parentId: 'root', inheritEntities })
    .expect(201);
  return (res.body as { id: string }).id;
}

/** A teammate with `role` in `spaceId`, logged in through an accepted invite. */
export async function teammate(t: TestApp, admin: TestAgent, role: string, spaceId: string) {
  const email = `${role}-${spaceId}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const invite = await admin.post('/api/invites').send({ email, role, spaceId }).expect(201);
  const agent = request.agent(t.app);
  await agent
    .post('/api/invites/accept')
    .send({
      token: (invite.body as { link: string }).link.split('#')[1],
      password: 'a long enough password',
    })
    .expect(200);
  return agent;
}

export async function token(admin: TestAgent, role: string, spaceId = 'root', expiresAt?: string) {
  const res = await admin
    .post('/api/tokens')
    .send({ name: `${role} token`, role, spaceId, ...(expiresAt && { expiresAt }) })
    .expect(201);
  return (res.body as { token: string }).token;
}

/** A token that has expired: minted valid (a past expiry is refused), then aged in place. */
export async function expiredToken(t: TestApp, admin: TestAgent, role: string, spaceId = 'root') {
  const raw = await token(admin, role, spaceId, new Date(Date.now() + 60_000).toISOString());
  const id = raw.slice('rb_'.length, raw.indexOf('.'));
  await t.db
    .updateTable('api_tokens')
    .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
    .where('id', '=', id)
    .execute();
  return raw;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a program with a clean environment plus `env`; never throws on a non-zero exit. */
export function exec(file: string, args: string[], env: Record<string, string>, cwd?: string) {
  return new Promise<CliResult>((resolve) => {
    execFile(
      file,
      args,
      { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 30_000, ...(cwd && { cwd }) },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Debian's AWS CLI v2 against the sandbox, with only the given credentials. */
export function awsCli(t: TestApp, variables: Record<string, string>, args: string[]) {
  return exec('/usr/bin/aws', ['--endpoint-url', t.sandbox.url, '--output', 'json', ...args], {
    HOME: '/nonexistent',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    // No region here: a run's own AWS_REGION/AWS_DEFAULT_REGION must be enough.
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
    ...variables,
  });
}
