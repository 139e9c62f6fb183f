import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANY_STACK_POLICY, createRole } from '../test/roles.js';
import { createSpace, teammate, token } from '../test/stacks.js';
import { createTestApp, type TestApp } from '../test/test-app.js';

let t: TestApp;
let root: TestAgent;
let team: string;
let teamAdmin: TestAgent;
let rootIntegration: { id: string; roleArn: string };

beforeAll(async () => {
  t = await createTestApp();
  root = await t.loginAgent();
  team = await createSpace(root, 'team', false);
  teamAdmin = await teammate(t, root, 'admin', team);
  const { roleArn } = await createRole(t.iam, ANY_STACK_POLICY);
  const created = await root
    .post('/api/integrations/aws')
    .send({ name: 'root-prod', spaceId: 'root', roleArn })
    .expect(201);
  rootIntegration = { id: created.body.integration.id, roleArn };
  await teamAdmin
    .post('/api/stacks')
    .send({ slug: 'team-app', name: 'Team app', spaceId: team })
    .expect(201);
});
afterAll(() => t.close());

describe('a space admin cannot reach the parent space’s AWS roles', () => {
  it('lets only admins of the parent space turn inheritEntities on or off', async () => {
    const refused = await teamAdmin
      .patch(`/api/spaces/${team}`)
      .send({ inheritEntities: true })
      .expect(403);
    expect(refused.body.code).toBe('forbidden');
    // Their own space's other fields stay theirs to change.
    await teamAdmin.patch(`/api/spaces/${team}`).send({ description: 'ours' }).expect(200);
    const space = await root.patch(`/api/spaces/${team}`).send({ inheritEntities: true });
    expect(space.status).toBe(200);
    expect(space.body.inheritEntities).toBe(true);
    await teamAdmin.patch(`/api/spaces/${team}`).send({ inheritEntities: false }).expect(403);
  });

  it('hides and refuses an inherited integration the stack admin cannot read', async () => {
    await root.patch(`/api/spaces/${team}`).send({ inheritEntities: true }).expect(200);
    const offered = await teamAdmin.get('/api/stacks/team-app/aws-integrations/available');
    expect(offered.status).toBe(200);
    expect(JSON.stringify(offered.body)).not.toContain(rootIntegration.roleArn);

    const attach = await teamAdmin
      .post('/api/stacks/team-app/aws-integrations')
      .send({ integrationId: rootIntegration.id, read: true, write: true })
      .expect(400);
    expect(attach.body.code).toBe('integration_not_eligible');

    // The root admin sees it offered, and the worker of the team space gets nothing from it.
    const rootOffered = await root.get('/api/stacks/team-app/aws-integrations/available');
    expect(JSON.stringify(rootOffered.body)).toContain(rootIntegration.roleArn);
    const worker = await token(teamAdmin, 'worker', team);
    const run = await request(t.app)
      .post('/api/stacks/team-app/runs')
      .set('Authorization', `Bearer ${worker}`)
      .send({ phase: 'plan' })
      .expect(409);
    expect(run.body.code).toBe('no_attachment');
  });

  it('refuses to stop inheriting while a stack still uses an inherited integration', async () => {
    await root.patch(`/api/spaces/${team}`).send({ inheritEntities: true }).expect(200);
    await root
      .post('/api/stacks/team-app/aws-integrations')
      .send({ integrationId: rootIntegration.id, read: true, write: true })
      .expect(201);
    const refused = await root
      .patch(`/api/spaces/${team}`)
      .send({ inheritEntities: false })
      .expect(409);
    expect(refused.body).toMatchObject({
      code: 'attachment_ineligible',
      errors: [{ path: 'inheritEntities' }],
    });
    expect(refused.body.detail).toContain('team-app');
    await root.delete(`/api/stacks/team-app/aws-integrations/${rootIntegration.id}`).expect(204);
    await root.patch(`/api/spaces/${team}`).send({ inheritEntities: false }).expect(200);
  });

  it('keeps root undeletable and answers a non-admin with 403 before that', async () => {
    expect((await root.delete('/api/spaces/root').expect(409)).body.code).toBe('root_space');
    await teamAdmin.delete('/api/spaces/root').expect(403);
  });
});
