import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { createSpace, teammate } from '../test/stacks.js';

let t: TestApp;
let admin: TestAgent;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.loginAgent();
});
afterAll(() => t.close());

describe('stacks', () => {
  it('creates, lists, reads, updates and deletes a stack, ticking the LaunchPad step', async () => {
    const before = await admin.get('/api/launchpad').expect(200);
    expect(before.body.steps[2]).toMatchObject({ id: 'create-stack', complete: false });

    const created = await admin
      .post('/api/stacks')
      .send({ slug: 'stack-a', name: 'Stack A', spaceId: 'root', labels: ['prod'] })
      .expect(201);
    expect(created.body).toMatchObject({ slug: 'stack-a', name: 'Stack A', labels: ['prod'] });
    expect(created.headers.location).toBe('/api/stacks/stack-a');
    expect(created.headers.etag).toBe('"1"');

    const after = await admin.get('/api/launchpad').expect(200);
    expect(after.body.steps[2]).toMatchObject({ id: 'create-stack', complete: true });

    const list = await admin.get('/api/stacks?q=stack').expect(200);
    expect(list.body).toEqual({ items: [created.body], nextCursor: null });

    await admin.patch('/api/stacks/stack-a').set('If-Match', '"7"').send({ name: 'x' }).expect(412);
    const updated = await admin
      .patch('/api/stacks/stack-a')
      .set('If-Match', '"1"')
      .send({ name: 'Renamed', labels: ['prod', 'eu'] })
      .expect(200);
    expect(updated.body).toMatchObject({ name: 'Renamed', labels: ['eu', 'prod'].sort() });
    expect(updated.headers.etag).toBe('"2"');

    await admin.delete('/api/stacks/stack-a').expect(204);
    await admin.get('/api/stacks/stack-a').expect(404);
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('target_type', '=', 'stack')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['stack.create', 'stack.update', 'stack.delete']);
  });

  it.each([
    [{ slug: 'Stack A' }, 'slug', /lowercase/],
    [{ name: '' }, 'name', /Enter a name/],
    [{ labels: ['a', 'a'] }, 'labels', /unique/],
    [{ colour: 'red' }, 'colour', /Unknown field/],
    [{ spaceId: 'nowhere' }, 'spaceId', /No space/],
  ])('refuses %j with a 400 naming the field', async (override, path, message) => {
    const res = await admin
      .post('/api/stacks')
      .send({ slug: 'ok', name: 'Ok', spaceId: 'root', ...override })
      .expect(400);
    expect(res.body.errors).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it('refuses a taken slug with 409 and never renames a slug', async () => {
    await admin.post('/api/stacks').send({ slug: 'taken', name: 'T', spaceId: 'root' }).expect(201);
    const res = await admin
      .post('/api/stacks')
      .send({ slug: 'taken', name: 'T2', spaceId: 'root' })
      .expect(409);
    expect(res.body).toMatchObject({ code: 'slug_taken', errors: [{ path: 'slug' }] });
    await admin.patch('/api/stacks/taken').send({ slug: 'other' }).expect(400);
  });

  it('shows stacks to readers of their space only and lets only admins change them', async () => {
    const team = await createSpace(admin, 'team');
    await admin
      .post('/api/stacks')
      .send({ slug: 'team-stack', name: 'T', spaceId: team })
      .expect(201);
    const outsider = await teammate(t, admin, 'admin', await createSpace(admin, 'other'));
    await outsider.get('/api/stacks/team-stack').expect(404);
    expect((await outsider.get('/api/stacks').expect(200)).body.items).toEqual([]);
    const reader = await teammate(t, admin, 'read', team);
    await reader.get('/api/stacks/team-stack').expect(200);
    const res = await reader.patch('/api/stacks/team-stack').send({ name: 'x' }).expect(403);
    expect(res.body.code).toBe('forbidden');
    await request(t.app).get('/api/stacks').expect(401);
    // A space holding a stack is not deleted from under it.
    expect((await admin.delete(`/api/spaces/${team}`).expect(409)).body.detail).toMatch(/stacks/);
  });
});

describe('stack updates without If-Match', () => {
  it('applies concurrent updates sent without If-Match instead of calling them stale', async () => {
    await admin
      .post('/api/stacks')
      .send({ slug: 'busy-stack', name: 'Busy', spaceId: 'root', labels: [] })
      .expect(201);
    // No If-Match means no precondition: a writer that lands between another's read and
    // write must not get "changed since you loaded it" (it loaded nothing).
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, n) =>
        admin.patch('/api/stacks/busy-stack').send({ labels: [`l${n}`] }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(200));
    const final = await admin.get('/api/stacks/busy-stack').expect(200);
    expect(final.headers.etag).toBe('"7"');
    await admin.delete('/api/stacks/busy-stack').expect(204);
  });
});
