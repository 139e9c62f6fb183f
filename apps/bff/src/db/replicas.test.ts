import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { startSandbox, type Sandbox } from '@rolebridge/aws-sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trustPolicy } from '../test/roles.js';
import { freePort, startReplica, type ReplicaProcess } from '../test/replica-process.js';
import { exec } from '../test/stacks.js';
import { ADMIN } from '../test/test-app.js';
import { createTestDatabase, testDatabaseUrl, type TestDatabase } from '../test/test-database.js';

/**
 * Two replicas in processes of their own on one PostgreSQL schema, in aws mode against a
 * standalone sandbox, talking real HTTP: nothing one of them knows may be private to it.
 */
let database: TestDatabase;
let sandbox: Sandbox;
let dir: string;
let a: ReplicaProcess;
let b: ReplicaProcess;
let portA: number;
const start = (port: number) =>
  startReplica({
    port,
    databaseUrl: database.location,
    sandbox,
    dataDir: dir,
    adminPassword: ADMIN.password,
  });

beforeAll(async () => {
  if (!testDatabaseUrl) return;
  database = await createTestDatabase();
  sandbox = await startSandbox({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'rolebridge-replicas-'));
  portA = await freePort();
  // Started together on an empty schema: the advisory lock lets one migrate.
  [a, b] = await Promise.all([start(portA), freePort().then(start)]);
}, 120_000);
afterAll(async () => {
  if (!testDatabaseUrl) return;
  await Promise.all([a?.stop(), b?.stop()]);
  await sandbox?.close();
  await database?.drop();
  rmSync(dir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  body: Record<string, unknown> & { items?: { id: string; name: string }[] };
  headers: Headers;
}
async function call(
  replica: ReplicaProcess,
  method: string,
  path: string,
  opts: { body?: object; auth?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const res = await fetch(`${replica.url}${path}`, {
    method,
    headers: {
      ...(opts.body && { 'content-type': 'application/json' }),
      // A session is `name=value` cookie text; anything else is an API token.
      ...(opts.auth?.includes('=')
        ? { cookie: opts.auth }
        : opts.auth && { authorization: `Bearer ${opts.auth}` }),
      ...opts.headers,
    },
    ...(opts.body && { body: JSON.stringify(opts.body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : {}, headers: res.headers };
}
async function login(replica: ReplicaProcess) {
  const res = await call(replica, 'POST', '/api/session', { body: ADMIN });
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}
const names = (answer: Answer) => (answer.body.items ?? []).map((i) => i.name);

// Processes start, and one restarts, on a machine other test files keep busy.
describe.skipIf(!testDatabaseUrl)('two replicas on one PostgreSQL', { timeout: 60_000 }, () => {
  let session: string;
  let integrationId: string;
  let runId: string;
  let worker: string;

  it('a session from A works on B', async () => {
    session = await login(a);
    const me = await call(b, 'GET', '/api/session', { auth: session });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ user: { email: ADMIN.email } });
  });

  it('an integration created on A is in B’s filtered list at once', async () => {
    const iam = new IAMClient({
      endpoint: sandbox.url,
      region: 'us-east-1',
      credentials: {
        accessKeyId: sandbox.keys.adminKeyId,
        secretAccessKey: sandbox.keys.adminSecret,
      },
    });
    const role = await iam.send(
      new CreateRoleCommand({
        RoleName: 'replicas',
        AssumeRolePolicyDocument: trustPolicy('demo@*'),
      }),
    );
    iam.destroy();
    const created = await call(a, 'POST', '/api/integrations/aws', {
      auth: session,
      body: {
        name: 'shared-role',
        spaceId: 'root',
        roleArn: role.Role?.Arn,
        labels: ['team:x', 'env:prod'],
      },
    });
    expect(created.status).toBe(201);
    integrationId = (created.body.integration as { id: string }).id;
    const listed = await call(b, 'GET', '/api/integrations/aws?label=team:x&label=env:prod', {
      auth: session,
    });
    expect(names(listed)).toEqual(['shared-role']);
  });

  it('a label changed on B filters on A at once, and a stale If-Match on A is then 412', async () => {
    const path = `/api/integrations/aws/${integrationId}`;
    const readOnA = await call(a, 'GET', path, { auth: session });
    const staleEtag = readOnA.headers.get('etag') ?? '';
    const readOnB = await call(b, 'GET', path, { auth: session });
    const changed = await call(b, 'PATCH', path, {
      auth: session,
      headers: { 'if-match': readOnB.headers.get('etag') ?? '' },
      body: { labels: ['team:y', 'env:prod'] },
    });
    expect(changed.status).toBe(200);
    const byNew = await call(a, 'GET', '/api/integrations/aws?label=team:y', { auth: session });
    expect(names(byNew)).toEqual(['shared-role']);
    const byOld = await call(a, 'GET', '/api/integrations/aws?label=team:x', { auth: session });
    expect(names(byOld)).toEqual([]);
    const stale = await call(a, 'PATCH', path, {
      auth: session,
      headers: { 'if-match': staleEtag },
      body: { name: 'lost-update' },
    });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('stale_etag');
  });

  it('a run started on A hands working credentials to a worker asking B', async () => {
    expect(
      (
        await call(a, 'POST', '/api/stacks', {
          auth: session,
          body: { slug: 'app', name: 'app', spaceId: 'root' },
        })
      ).status,
    ).toBe(201);
    const attached = await call(b, 'POST', '/api/stacks/app/aws-integrations', {
      auth: session,
      body: { integrationId, read: true, write: true },
    });
    expect(attached.status).toBe(201);
    const minted = await call(b, 'POST', '/api/tokens', {
      auth: session,
      body: { name: 'worker', role: 'worker', spaceId: 'root' },
    });
    worker = minted.body.token as string;
    const run = await call(a, 'POST', '/api/stacks/app/runs', {
      auth: worker,
      body: { phase: 'plan' },
    });
    expect(run.status).toBe(201);
    runId = run.body.id as string;
    const env = await call(b, 'GET', `/api/stacks/app/runs/${runId}/environment`, { auth: worker });
    expect(env.status).toBe(200);
    await expectWorkingCredentials(
      env.body.variables as Record<string, string>,
      run.body.assumedRoleArn as string,
    );
  });

  it('login failures on A and B count together', async () => {
    const wrong = { email: 'guess@example.com', password: 'wrong-wrong-wrong' };
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await call(i % 2 ? b : a, 'POST', '/api/session', { body: wrong })).status);
    // Five guesses per account and address, wherever they land; the sixth is refused.
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('kill -9 of A leaves B serving, and A comes back with everything', async () => {
    await a.kill9();
    const onB = await call(b, 'GET', '/api/integrations/aws?label=team:y', { auth: session });
    expect(names(onB)).toEqual(['shared-role']);
    a = await start(portA);
    const me = await call(a, 'GET', '/api/session', { auth: session });
    expect(me.status).toBe(200);
    const onA = await call(a, 'GET', '/api/integrations/aws?label=team:y', { auth: session });
    expect(names(onA)).toEqual(['shared-role']);
    // A lost its memory: it issues the run's credentials again.
    const env = await call(a, 'GET', `/api/stacks/app/runs/${runId}/environment`, { auth: worker });
    expect(env.status).toBe(200);
    const runs = await call(a, 'GET', '/api/stacks/app/runs', { auth: session });
    const assumed = (runs.body.items as unknown as { assumedRoleArn: string }[])[0]!.assumedRoleArn;
    await expectWorkingCredentials(env.body.variables as Record<string, string>, assumed);
  });
});

/** The AWS CLI, with nothing but the run's variables, is the role's session. */
async function expectWorkingCredentials(variables: Record<string, string>, assumedRoleArn: string) {
  const who = await exec(
    '/usr/bin/aws',
    ['--endpoint-url', sandbox.url, '--output', 'json', 'sts', 'get-caller-identity'],
    {
      HOME: '/nonexistent',
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      AWS_EC2_METADATA_DISABLED: 'true',
      ...variables,
    },
  );
  expect(who.stderr).toBe('');
  expect(JSON.parse(who.stdout).Arn).toBe(assumedRoleArn);
}
