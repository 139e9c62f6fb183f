import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { staticPlatformIdentity } from '../aws/platform-identity.js';
import { createStsClients } from '../aws/sts-clients.js';
import { systemClock } from '../clock.js';
import { createLogger } from '../logging/logger.js';
import { ANY_STACK_POLICY } from '../test/roles.js';
import { ADMIN, createTestApp, type TestApp } from '../test/test-app.js';

let t: TestApp;
let agent: TestAgent;
beforeAll(async () => {
  t = await createTestApp();
  agent = await t.loginAgent();
});
afterAll(() => t.close());

const create = (body: object) => agent.post('/api/sandbox/roles').send(body);

describe('creating a role in the sandbox customer account', () => {
  it('creates it, and the new role passes verification', async () => {
    const res = await create({ roleName: 'wizard-role', trustPolicy: ANY_STACK_POLICY }).expect(
      201,
    );
    expect(res.body).toEqual({
      roleName: 'wizard-role',
      roleArn: 'arn:aws:iam::222222222222:role/wizard-role',
    });
    const created = await agent
      .post('/api/integrations/aws')
      .send({ name: 'from-wizard', spaceId: 'root', roleArn: res.body.roleArn })
      .expect(201);
    expect(created.body.verification.ok).toBe(true);
  });

  it('names the field IAM objected to', async () => {
    await create({ roleName: 'taken', trustPolicy: ANY_STACK_POLICY }).expect(201);
    const dup = await create({ roleName: 'taken', trustPolicy: ANY_STACK_POLICY }).expect(409);
    expect(dup.body).toMatchObject({ code: 'role_exists', errors: [{ path: 'roleName' }] });

    const bad = await create({ roleName: 'broken', trustPolicy: '{"Version": ' }).expect(400);
    expect(bad.body.errors[0]).toMatchObject({ path: 'trustPolicy' });
    expect(bad.body.errors[0].message).toMatch(/invalid Json/i);
  });

  it('is for admins only, and absent outside sandbox mode', async () => {
    const token = await agent
      .post('/api/tokens')
      .send({ name: 'writer', role: 'write', spaceId: 'root' })
      .expect(201);
    await request(t.app)
      .post('/api/sandbox/roles')
      .set('Authorization', `Bearer ${token.body.token}`)
      .send({ roleName: 'nope', trustPolicy: ANY_STACK_POLICY })
      .expect(403);

    const sts = createStsClients({ defaultRegion: 'us-east-1', endpoint: 'http://127.0.0.1:9' });
    const { app } = createApp({
      db: t.db,
      logger: createLogger('silent'),
      clock: systemClock,
      platform: staticPlatformIdentity(null),
      aws: { sts },
      config: { mode: 'aws', secureCookies: false },
    });
    const awsMode = request.agent(app);
    await awsMode.post('/api/session').send(ADMIN).expect(200);
    const res = await awsMode
      .post('/api/sandbox/roles')
      .send({ roleName: 'nope', trustPolicy: ANY_STACK_POLICY })
      .expect(404);
    expect(res.body.code).toBe('not_in_sandbox_mode');
    sts.destroy();
  });
});
