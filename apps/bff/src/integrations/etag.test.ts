import { UpdateAssumeRolePolicyCommand } from '@aws-sdk/client-iam';
import type TestAgent from 'supertest/lib/agent.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANY_STACK_POLICY, createRole, trustPolicy } from '../test/roles.js';
import { createTestApp, type TestApp } from '../test/test-app.js';

let t: TestApp;
let agent: TestAgent;
beforeAll(async () => {
  t = await createTestApp();
  agent = await t.loginAgent();
});
afterAll(() => t.close());

describe('the ETag of an integration covers its last verification', () => {
  it('never answers a conditional GET with 304 and the old status after a re-verification', async () => {
    const { roleName, roleArn } = await createRole(t.iam, ANY_STACK_POLICY);
    const created = await agent
      .post('/api/integrations/aws')
      .send({ name: 'etag-reverify', spaceId: 'root', roleArn })
      .expect(201);
    const id = created.body.integration.id as string;
    expect(created.body.verification.ok).toBe(true);
    const before = await agent.get(`/api/integrations/aws/${id}`).expect(200);
    // Unchanged: the browser's revalidation is a cheap 304.
    await agent
      .get(`/api/integrations/aws/${id}`)
      .set('If-None-Match', before.headers.etag!)
      .expect(304);

    // The role's policy changes in AWS, and a re-check fails.
    await t.iam.send(
      new UpdateAssumeRolePolicyCommand({
        RoleName: roleName,
        PolicyDocument: trustPolicy('someone-else@*'),
      }),
    );
    const verified = await agent.post(`/api/integrations/aws/${id}/verify`).send({}).expect(200);
    expect(verified.body.ok).toBe(false);

    const after = await agent
      .get(`/api/integrations/aws/${id}`)
      .set('If-None-Match', before.headers.etag!)
      .expect(200);
    expect(after.body.lastVerification.ok).toBe(false);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    await agent
      .get(`/api/integrations/aws/${id}`)
      .set('If-None-Match', after.headers.etag!)
      .expect(304);
  });

  it('keeps If-Match strict: an edit based on the body before the re-check is refused', async () => {
    const { roleArn } = await createRole(t.iam, ANY_STACK_POLICY);
    const created = await agent
      .post('/api/integrations/aws')
      .send({ name: 'etag-if-match', spaceId: 'root', roleArn })
      .expect(201);
    const id = created.body.integration.id as string;
    await agent.post(`/api/integrations/aws/${id}/verify`).send({}).expect(200);
    const stale = await agent
      .patch(`/api/integrations/aws/${id}`)
      .set('If-Match', created.headers.etag!)
      .send({ labels: ['x'] })
      .expect(412);
    expect(stale.body.code).toBe('stale_etag');
    const current = await agent.get(`/api/integrations/aws/${id}`).expect(200);
    const saved = await agent
      .patch(`/api/integrations/aws/${id}`)
      .set('If-Match', current.headers.etag!)
      .send({ labels: ['x'] })
      .expect(200);
    // A label edit keeps the verification, and the new tag matches what a read returns.
    expect(saved.body.lastVerification.ok).toBe(true);
    const reread = await agent.get(`/api/integrations/aws/${id}`).expect(200);
    expect(reread.headers.etag).toBe(saved.headers.etag);
    await agent
      .patch(`/api/integrations/aws/${id}`)
      .set('If-Match', '*')
      .send({ labels: [] })
      .expect(200);
  });
});
