import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { token } from '../test/stacks.js';
import { createTestApp, type TestApp } from '../test/test-app.js';

let t: TestApp;
let admin: TestAgent;
let stsCalls = 0;
beforeAll(async () => {
  t = await createTestApp({
    instrument: (client) =>
      client.middlewareStack.add(
        (next, context) => (args) => {
          if (context.commandName === 'AssumeRoleCommand') stsCalls++;
          return next(args);
        },
        { step: 'initialize', name: 'countCalls' },
      ),
  });
  admin = await t.loginAgent();
});
afterAll(() => t.close());

describe('runs of a role the worker assumes itself', () => {
  it('hands a worker-assumed role to the worker to assume itself, never credentials', async () => {
    const created = await admin
      .post('/api/integrations/aws')
      .send({
        name: 'on-worker',
        spaceId: 'root',
        roleArn: 'arn:aws:iam::222222222222:role/worker-role',
        assumeRoleOnWorker: true,
        externalId: 'custom-external-id',
        durationSeconds: 1800,
        region: 'eu-west-1',
      })
      .expect(201);
    const id = created.body.integration.id as string;
    await admin
      .post('/api/stacks')
      .send({ slug: 'on-worker', name: 'W', spaceId: 'root' })
      .expect(201);
    const attach = await admin
      .post('/api/stacks/on-worker/aws-integrations')
      .send({ integrationId: id, read: true, write: false })
      .expect(201);
    expect(attach.body.verification).toBeNull();
    const before = stsCalls;
    const run = await admin.post('/api/stacks/on-worker/runs').send({ phase: 'plan' }).expect(201);
    expect(run.body.environment.map((v: { name: string }) => v.name)).toEqual([
      'AWS_REGION',
      'AWS_DEFAULT_REGION',
    ]);
    expect(stsCalls).toBe(before); // Rolebridge cannot assume it: the worker does
    const worker = await token(admin, 'worker');
    const env = (
      await request(t.app)
        .get(`/api/stacks/on-worker/runs/${run.body.id}/environment`)
        .set('Authorization', `Bearer ${worker}`)
        .expect(200)
    ).body;
    expect(env).toEqual({
      variables: { AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'eu-west-1' },
      expiresAt: run.body.expiresAt,
      assumeRoleOnWorker: [
        {
          roleArn: 'arn:aws:iam::222222222222:role/worker-role',
          externalId: 'custom-external-id',
          durationSeconds: 1800,
          region: 'eu-west-1',
          phase: 'read',
        },
      ],
    });
  });
});
