import type TestAgent from 'supertest/lib/agent.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANY_STACK_POLICY, createRole } from '../test/roles.js';
import { createSpace } from '../test/stacks.js';
import { createTestApp, type TestApp } from '../test/test-app.js';

let t: TestApp;
let admin: TestAgent;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.loginAgent();
});
afterAll(() => t.close());

async function integration(name: string, spaceId: string, extra: object = {}) {
  const { roleArn } = await createRole(t.iam, ANY_STACK_POLICY);
  const res = await admin
    .post('/api/integrations/aws')
    .send({ name, spaceId, roleArn, ...extra })
    .expect(201);
  return res.body.integration as { id: string };
}
const stack = (slug: string, name: string, spaceId: string, labels: string[]) =>
  admin.post('/api/stacks').send({ slug, name, spaceId, labels }).expect(201);
const usedBy = async (id: string) =>
  (await admin.get(`/api/integrations/aws/${id}/attachments`).expect(200)).body as {
    items: { stackSlug: string }[];
    conflicts: { stackName: string; label: string; cause: string; reason: string }[];
  };

describe('"Used by" says why a stack whose labels match did not get the integration', () => {
  it('names the stack, the label and the cause: a taken phase, a space out of reach, auto-attach off', async () => {
    const team = await createSpace(admin, 'Data team');
    const sibling = await createSpace(admin, 'Web team');
    const closed = await admin
      .post('/api/spaces')
      .send({ name: 'Data sandbox', parentId: team, inheritEntities: false })
      .expect(201);
    const auto = await integration('data-nightly', team, {
      labels: ['autoattach:nightly'],
      autoattachEnabled: true,
    });
    const other = await integration('data-legacy', team);

    await stack('etl', 'ETL jobs', team, ['nightly']);
    await stack('taken', 'Reports', team, ['nightly']);
    await admin
      .post('/api/stacks/taken/aws-integrations')
      .send({ integrationId: other.id, read: true, write: false })
      .expect(201);
    await stack('site', 'Website', sibling, ['nightly']);
    await stack('scratch', 'Scratch', closed.body.id as string, ['nightly']);
    await stack('unlabelled', 'Unlabelled', team, []);

    const on = await usedBy(auto.id);
    expect(on.items.map((a) => a.stackSlug)).toEqual(['etl']);
    expect(on.conflicts.map((c) => [c.stackName, c.label, c.cause])).toEqual([
      ['Reports', 'autoattach:nightly', 'phase_held'],
      ['Scratch', 'autoattach:nightly', 'space'],
      ['Website', 'autoattach:nightly', 'space'],
    ]);
    const [reports, scratch, website] = on.conflicts.map((c) => c.reason);
    expect(reports).toBe(
      'Stack Reports matches autoattach:nightly but already has integration data-legacy attached for read; a stack takes at most one AWS integration per phase.',
    );
    expect(scratch).toContain('is in space Data sandbox, and space Data sandbox does not inherit');
    expect(scratch).toContain('an admin of Data team can turn inheritance on');
    expect(website).toContain(
      'is in space Web team, which cannot use integrations from space Data team',
    );

    const { headers } = await admin.get(`/api/integrations/aws/${auto.id}`).expect(200);
    await admin
      .patch(`/api/integrations/aws/${auto.id}`)
      .set('If-Match', headers.etag!)
      .send({ autoattachEnabled: false })
      .expect(200);
    const off = await usedBy(auto.id);
    expect(off.items).toEqual([]);
    expect(off.conflicts.map((c) => [c.stackName, c.cause])).toEqual([
      ['ETL jobs', 'autoattach_off'],
      ['Reports', 'autoattach_off'],
      ['Scratch', 'space'],
      ['Website', 'space'],
    ]);
    expect(off.conflicts[0]?.reason).toContain('auto-attach is turned off on data-nightly');
  });
});
