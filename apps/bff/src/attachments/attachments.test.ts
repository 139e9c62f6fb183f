import type TestAgent from 'supertest/lib/agent.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANY_STACK_POLICY, createRole, trustPolicy } from '../test/roles.js';
import { createSpace, SPECIFIC_STACK_A, teammate } from '../test/stacks.js';
import { createTestApp, type TestApp } from '../test/test-app.js';

let t: TestApp;
let admin: TestAgent;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.loginAgent();
});
afterAll(() => t.close());

let n = 0;
async function integration(policy: string, extra: object = {}) {
  const { roleArn } = await createRole(t.iam, policy);
  const res = await admin
    .post('/api/integrations/aws')
    .send({ name: `attach-${++n}`, spaceId: 'root', roleArn, ...extra })
    .expect(201);
  return res.body.integration as { id: string; name: string };
}
const stack = (slug: string, extra: object = {}) =>
  admin
    .post('/api/stacks')
    .send({ slug, name: slug.toUpperCase(), spaceId: 'root', ...extra })
    .expect(201);
const attach = (slug: string, integrationId: string, read = true, write = true) =>
  admin.post(`/api/stacks/${slug}/aws-integrations`).send({ integrationId, read, write });
const usedBy = async (id: string) =>
  (await admin.get(`/api/integrations/aws/${id}/attachments`).expect(200)).body as {
    items: { stackSlug: string; isAutoattached: boolean; read: boolean; write: boolean }[];
    conflicts: { stackSlug: string; reason: string }[];
  };

describe('attaching an integration to a stack', () => {
  it('verifies read and write for the stack, then attaches; another stack is refused with the hint', async () => {
    const { id } = await integration(trustPolicy(SPECIFIC_STACK_A));
    await stack('stack-a');
    await stack('stack-b');
    const ok = await attach('stack-a', id).expect(201);
    expect(ok.body.attachment).toMatchObject({
      stackSlug: 'stack-a',
      read: true,
      write: true,
      isAutoattached: false,
    });
    expect(ok.body.verification.ok).toBe(true);
    expect(ok.body.verification.results.map((r: { externalId: string }) => r.externalId)).toEqual([
      `demo@${id}@stack-a@read`,
      `demo@${id}@stack-a@write`,
    ]);

    const refused = await attach('stack-b', id).expect(422);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    expect(refused.body.code).toBe('verification_failed');
    const read = refused.body.verification.results.find(
      (r: { phase: string }) => r.phase === 'read',
    );
    expect(read.error.code).toBe('AccessDenied');
    const hint = read.hints.find((h: { id: string }) => h.id === 'trust-policy-denies');
    expect(hint.detail).toContain(`demo@${id}@stack-b@read`);
    expect(read.hints.find((h: { id: string }) => h.id === 'external-id').fix).toBe(
      `demo@${id}@stack-b@read`,
    );
    expect(
      (await admin.get('/api/stacks/stack-b/aws-integrations').expect(200)).body.items,
    ).toEqual([]);

    expect((await usedBy(id)).items.map((a) => [a.stackSlug, a.isAutoattached])).toEqual([
      ['stack-a', false],
    ]);
    const del = await admin.delete(`/api/integrations/aws/${id}`).expect(409);
    expect(del.body).toMatchObject({ code: 'integration_attached', stacks: ['stack-a'] });
    expect(del.body.detail).toContain('stack-a');

    // Toggles: write off, then detach; then the integration may go.
    const updated = await admin
      .patch(`/api/stacks/stack-a/aws-integrations/${id}`)
      .send({ write: false })
      .expect(200);
    expect(updated.body.attachment).toMatchObject({ read: true, write: false });
    await admin
      .patch(`/api/stacks/stack-a/aws-integrations/${id}`)
      .send({ read: false })
      .expect(400);
    await admin.delete(`/api/stacks/stack-a/aws-integrations/${id}`).expect(204);
    await admin.delete(`/api/stacks/stack-a/aws-integrations/${id}`).expect(404);
    await admin.delete(`/api/integrations/aws/${id}`).expect(204);
  });

  it('holds at most one read and one write integration per stack', async () => {
    const first = await integration(ANY_STACK_POLICY);
    const second = await integration(ANY_STACK_POLICY);
    await stack('one-each');
    await attach('one-each', first.id, true, false).expect(201);
    const taken = await attach('one-each', second.id, true, true).expect(409);
    expect(taken.body).toMatchObject({ code: 'phase_taken' });
    expect(taken.body.detail).toContain(first.name);
    await attach('one-each', second.id, false, true).expect(201);
    await attach('one-each', second.id, false, true).expect(409);
  });

  it('offers only integrations of the stack space or the ancestors it inherits from', async () => {
    const locked = await createSpace(admin, 'locked', false);
    await stack('locked-stack', { spaceId: locked });
    const rootOne = await integration(ANY_STACK_POLICY);
    const available = await admin
      .get('/api/stacks/locked-stack/aws-integrations/available')
      .expect(200);
    expect(available.body.items.map((i: { id: string }) => i.id)).not.toContain(rootOne.id);
    const res = await attach('locked-stack', rootOne.id).expect(400);
    expect(res.body).toMatchObject({
      code: 'integration_not_eligible',
      errors: [{ path: 'integrationId' }],
    });

    const open = await createSpace(admin, 'open', true);
    await stack('open-stack', { spaceId: open });
    const offered = await admin
      .get('/api/stacks/open-stack/aws-integrations/available')
      .expect(200);
    expect(offered.body.items.map((i: { id: string }) => i.id)).toContain(rootOne.id);
  });

  it('needs the admin role in the stack space', async () => {
    const team = await createSpace(admin, 'team-attach');
    await stack('guarded', { spaceId: team });
    const { id } = await integration(ANY_STACK_POLICY);
    const writer = await teammate(t, admin, 'write', team);
    expect(
      (
        await writer
          .post('/api/stacks/guarded/aws-integrations')
          .send({ integrationId: id, read: true, write: true })
          .expect(403)
      ).body.code,
    ).toBe('forbidden');
  });
});

describe('auto-attach', () => {
  it('attaches by label at once, on either side, and reports a clash instead of dropping it', async () => {
    const auto = await integration(ANY_STACK_POLICY, {
      labels: ['autoattach:prod'],
      autoattachEnabled: true,
    });
    await stack('labelled');
    expect((await usedBy(auto.id)).items).toEqual([]);

    await admin
      .patch('/api/stacks/labelled')
      .send({ labels: ['prod'] })
      .expect(200);
    const after = await usedBy(auto.id);
    expect(after.items).toEqual([
      expect.objectContaining({
        stackSlug: 'labelled',
        isAutoattached: true,
        read: true,
        write: true,
      }),
    ]);
    const onStack = await admin.get('/api/stacks/labelled/aws-integrations').expect(200);
    expect(onStack.body.items).toEqual([
      expect.objectContaining({ integrationId: auto.id, isAutoattached: true }),
    ]);
    const env = await admin.get('/api/stacks/labelled/environment').expect(200);
    expect(
      env.body.items.map((v: { name: string; value: string }) => `${v.name}=${v.value}`),
    ).toEqual([
      'AWS_ACCESS_KEY_ID=<computed>',
      'AWS_SECRET_ACCESS_KEY=<computed>',
      'AWS_SECURITY_TOKEN=<computed>',
      'AWS_SESSION_TOKEN=<computed>',
    ]);
    // Deleting an integration that a label attaches is refused too.
    expect(
      (await admin.delete(`/api/integrations/aws/${auto.id}`).expect(409)).body.stacks,
    ).toEqual(['labelled']);
    // Detaching an auto-attachment is done through labels.
    expect(
      (await admin.delete(`/api/stacks/labelled/aws-integrations/${auto.id}`).expect(409)).body
        .code,
    ).toBe('autoattached');

    // A direct attachment holding a phase wins; the auto-attachment is reported.
    const direct = await integration(ANY_STACK_POLICY);
    await attach('labelled', direct.id, true, false).expect(201);
    const clash = await usedBy(auto.id);
    expect(clash.items).toEqual([]);
    expect(clash.conflicts).toEqual([
      expect.objectContaining({
        stackSlug: 'labelled',
        cause: 'phase_held',
        reason: expect.stringContaining(`already has integration ${direct.name} attached for read`),
      }),
    ]);
    await admin.delete(`/api/stacks/labelled/aws-integrations/${direct.id}`).expect(204);

    // Off on the integration side: gone at once. `*` matches every stack.
    const { headers } = await admin.get(`/api/integrations/aws/${auto.id}`).expect(200);
    await admin
      .patch(`/api/integrations/aws/${auto.id}`)
      .set('If-Match', headers.etag!)
      .send({ labels: ['autoattach:*'] })
      .expect(200);
    const star = await usedBy(auto.id);
    expect(star.items.map((a) => a.stackSlug)).toContain('guarded');
    expect(star.items.every((a) => a.isAutoattached)).toBe(true);
    const etag = (await admin.get(`/api/integrations/aws/${auto.id}`)).headers.etag!;
    await admin
      .patch(`/api/integrations/aws/${auto.id}`)
      .set('If-Match', etag)
      .send({ autoattachEnabled: false })
      .expect(200);
    expect((await usedBy(auto.id)).items).toEqual([]);
  });
});
