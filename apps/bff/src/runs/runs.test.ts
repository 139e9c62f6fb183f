import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIssuedSecrets, createRole, expectNoLeak, trustPolicy } from '../test/roles.js';
import {
  awsCli,
  createSpace,
  expiredToken,
  SPECIFIC_STACK_A,
  teammate,
  token,
} from '../test/stacks.js';
import { createTestApp, type TestApp } from '../test/test-app.js';

let t: TestApp;
let admin: TestAgent;
const issued: string[] = [];
const responses: string[] = [];
let stsCalls = 0;
beforeAll(async () => {
  t = await createTestApp({
    instrument: (client) => {
      captureIssuedSecrets(issued)(client);
      client.middlewareStack.add(
        (next, context) => (args) => {
          if (context.commandName === 'AssumeRoleCommand') stsCalls++;
          return next(args);
        },
        { step: 'initialize', name: 'countCalls' },
      );
    },
  });
  admin = await t.loginAgent();
});
afterAll(() => t.close());

let n = 0;
async function attached(slug: string, policy: string, phases = { read: true, write: true }) {
  const { roleName, roleArn } = await createRole(t.iam, policy);
  const created = await admin
    .post('/api/integrations/aws')
    .send({ name: `runs-${++n}`, spaceId: 'root', roleArn })
    .expect(201);
  const id = created.body.integration.id as string;
  await admin.post('/api/stacks').send({ slug, name: slug, spaceId: 'root' }).expect(201);
  await admin
    .post(`/api/stacks/${slug}/aws-integrations`)
    .send({ integrationId: id, ...phases })
    .expect(201);
  return { id, roleName };
}
const bearer = (value: string) => ({ Authorization: `Bearer ${value}` });
async function environment(worker: string, slug: string, runId: string, status = 200) {
  const res = await request(t.app)
    .get(`/api/stacks/${slug}/runs/${runId}/environment`)
    .set(bearer(worker))
    .expect(status);
  return res.body as { variables: Record<string, string>; expiresAt: string };
}

describe('runs', () => {
  it('gives a plan run credentials for the read role that the AWS CLI accepts', async () => {
    const { id, roleName } = await attached('stack-a', trustPolicy(SPECIFIC_STACK_A));
    const worker = await token(admin, 'worker');
    const before = stsCalls;
    const started = await request(t.app)
      .post('/api/stacks/stack-a/runs')
      .set(bearer(worker))
      .send({ phase: 'plan' })
      .expect(201);
    expect(stsCalls - before).toBe(1); // one AssumeRole for the one attached phase
    const run = started.body;
    responses.push(started.text);
    expect(run).toMatchObject({ stackSlug: 'stack-a', phase: 'plan', integrationId: id });
    expect(run.environment).toEqual(
      [
        'AWS_ACCESS_KEY_ID',
        'AWS_SECRET_ACCESS_KEY',
        'AWS_SECURITY_TOKEN',
        'AWS_SESSION_TOKEN',
        'AWS_REGION',
        'AWS_DEFAULT_REGION',
      ].map((name) => ({ name, value: '<computed>' })),
    );
    const env = await environment(worker, 'stack-a', run.id);
    // No region on the integration: the platform's, so the AWS CLI in the run needs nothing else.
    expect(env.variables).toMatchObject({
      AWS_REGION: 'us-east-1',
      AWS_DEFAULT_REGION: 'us-east-1',
    });
    expect(Date.parse(env.expiresAt)).toBeGreaterThan(Date.now());
    const who = await awsCli(t, env.variables, ['sts', 'get-caller-identity']);
    expect(who.stderr).toBe('');
    const arn = JSON.parse(who.stdout).Arn as string;
    expect(arn).toBe(`arn:aws:sts::222222222222:assumed-role/${roleName}/${run.id}@stack-a@demo`);
    expect(run.assumedRoleArn).toBe(arn);

    const audit = await t.db
      .selectFrom('audit_events')
      .select('detail')
      .where('action', '=', 'sts.assume_role')
      .execute();
    expect(audit.map((a) => JSON.parse(a.detail))).toContainEqual(
      expect.objectContaining({
        purpose: 'run',
        runId: run.id,
        externalId: `demo@${id}@stack-a@read`,
        outcome: 'allowed',
      }),
    );
    const listed = await admin.get('/api/stacks/stack-a/runs').expect(200);
    expect(listed.body.items.map((r: { id: string }) => r.id)).toEqual([run.id]);
  });

  it('uses the write external ID for an apply run', async () => {
    const { id, roleName } = await attached('apply-only', trustPolicy('demo@*@apply-only@write'), {
      read: false,
      write: true,
    });
    const plan = await admin
      .post('/api/stacks/apply-only/runs')
      .send({ phase: 'plan' })
      .expect(409);
    expect(plan.body.code).toBe('no_attachment');
    const apply = await admin
      .post('/api/stacks/apply-only/runs')
      .send({ phase: 'apply' })
      .expect(201);
    const worker = await token(admin, 'worker');
    const who = await awsCli(
      t,
      (await environment(worker, 'apply-only', apply.body.id)).variables,
      ['sts', 'get-caller-identity'],
    );
    expect(JSON.parse(who.stdout).Arn).toBe(
      `arn:aws:sts::222222222222:assumed-role/${roleName}/${apply.body.id}@apply-only@demo`,
    );
    const run = await t.db
      .selectFrom('runs')
      .selectAll()
      .where('id', '=', apply.body.id)
      .executeTakeFirstOrThrow();
    expect(run.external_id).toBe(`demo@${id}@apply-only@write`);
  });

  it('refuses a run with 422 and hints when the role no longer trusts the stack', async () => {
    const { roleName } = await attached('revoked', trustPolicy('demo@*@revoked@*'));
    const { UpdateAssumeRolePolicyCommand } = await import('@aws-sdk/client-iam');
    await t.iam.send(
      new UpdateAssumeRolePolicyCommand({
        RoleName: roleName,
        PolicyDocument: trustPolicy('demo@*@other@*'),
      }),
    );
    const res = await admin.post('/api/stacks/revoked/runs').send({ phase: 'plan' }).expect(422);
    expect(res.body).toMatchObject({ code: 'assume_role_failed', error: { code: 'AccessDenied' } });
    expect(res.body.hints.map((h: { id: string }) => h.id)).toContain('trust-policy-denies');
  });

  it('gives the credentials to a scoped worker token and to nobody else', async () => {
    const run = (await admin.post('/api/stacks/stack-a/runs').send({ phase: 'plan' }).expect(201))
      .body;
    const url = `/api/stacks/stack-a/runs/${run.id}/environment`;
    const other = await createSpace(admin, 'elsewhere');
    const callers: [string, Promise<request.Response>, number][] = [
      ['anonymous', request(t.app).get(url), 401],
      [
        'expired worker token',
        request(t.app)
          .get(url)
          .set(bearer(await expiredToken(t, admin, 'worker'))),
        401,
      ],
      [
        'other-space worker token',
        request(t.app)
          .get(url)
          .set(bearer(await token(admin, 'worker', other))),
        404,
      ],
      ['admin session', admin.get(url), 403],
      [
        'admin token',
        request(t.app)
          .get(url)
          .set(bearer(await token(admin, 'admin'))),
        403,
      ],
      ['reader', (await teammate(t, admin, 'read', 'root')).get(url), 403],
      ['writer in another space', (await teammate(t, admin, 'write', other)).get(url), 403],
    ];
    for (const [who, pending, status] of callers) {
      const res = await pending;
      responses.push(res.text);
      expect([who, res.status]).toEqual([who, status]);
      expect(res.body.variables).toBeUndefined();
    }
    // Starting runs: a writer elsewhere and a reader cannot; an other-space worker cannot.
    const writerElsewhere = await teammate(t, admin, 'write', other);
    await writerElsewhere.post('/api/stacks/stack-a/runs').send({ phase: 'plan' }).expect(404);
    const reader = await teammate(t, admin, 'read', 'root');
    await reader.post('/api/stacks/stack-a/runs').send({ phase: 'plan' }).expect(403);
    await request(t.app)
      .post('/api/stacks/stack-a/runs')
      .set(bearer(await token(admin, 'worker', other)))
      .send({ phase: 'plan' })
      .expect(404);
  });

  it('answers a worker of another space as if the stack did not exist', async () => {
    const other = await createSpace(admin, 'probing');
    const worker = bearer(await token(admin, 'worker', other));
    const ask = (slug: string) =>
      request(t.app).post(`/api/stacks/${slug}/runs`).set(worker).send({ phase: 'plan' });
    const env = (slug: string) =>
      request(t.app)
        .get(`/api/stacks/${slug}/runs/01ARZ3NDEKTSV4RRFFQ69G5FAV/environment`)
        .set(worker);
    for (const probe of [ask, env]) {
      const [real, missing] = await Promise.all([probe('stack-a'), probe('no-such-stack')]);
      expect(real.status).toBe(404);
      expect(real.body).toEqual({
        ...missing.body,
        detail: missing.body.detail.replace('no-such-stack', 'stack-a'),
      });
    }
  });

  it('never stores or logs what STS issued', async () => {
    await expectNoLeak(t, issued, responses);
  });
});
