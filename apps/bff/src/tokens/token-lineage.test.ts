import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSpace, teammate } from '../test/stacks.js';
import { createTestApp, type TestApp } from '../test/test-app.js';

let t: TestApp;
let root: TestAgent;
beforeAll(async () => {
  t = await createTestApp();
  root = await t.loginAgent();
});
afterAll(() => t.close());

const in1h = () => new Date(Date.now() + 3_600_000).toISOString();
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

function mint(by: TestAgent | string, body: Record<string, unknown>) {
  const req =
    typeof by === 'string'
      ? request(t.app).post('/api/tokens').set(bearer(by))
      : by.post('/api/tokens');
  return req.send({ name: 'minted', spaceId: 'root', ...body });
}

describe('a token cannot outlive or outrank the token that mints it', () => {
  it('caps a child’s expiry at its parent’s and refuses a later one by field', async () => {
    const parentExpiry = new Date(Date.now() + 4_000).toISOString();
    const parent = (await mint(root, { role: 'admin', expiresAt: parentExpiry }).expect(201)).body;
    const child = (await mint(parent.token, { role: 'admin' }).expect(201)).body;
    const listed = await root.get('/api/tokens').expect(200);
    expect(listed.body.items).toContainEqual(
      expect.objectContaining({ id: child.id, expiresAt: parentExpiry }),
    );
    const later = await mint(parent.token, { role: 'admin', expiresAt: in1h() }).expect(400);
    expect(later.body.errors).toEqual([
      { path: 'expiresAt', message: expect.stringContaining('cannot outlive') },
    ]);
    await new Promise((r) => setTimeout(r, Date.parse(parentExpiry) - Date.now() + 50));
    await request(t.app).get('/api/spaces').set(bearer(child.token)).expect(401);
  });

  it('refuses an expiry in the past with a 400 naming expiresAt', async () => {
    const res = await mint(root, {
      role: 'read',
      expiresAt: new Date(Date.now() - 60_000).toISOString(),
    }).expect(400);
    expect(res.body.errors).toEqual([{ path: 'expiresAt', message: 'Pick a time in the future' }]);
  });

  it('mints only in its own space or below, never above it', async () => {
    const team = await createSpace(root, 'lineage-team');
    const teamAdmin = (await mint(root, { role: 'admin', spaceId: team }).expect(201)).body;
    await mint(teamAdmin.token, { role: 'admin', spaceId: 'root' }).expect(403);
    await mint(teamAdmin.token, { role: 'worker', spaceId: team }).expect(201);
    const reader = (await mint(root, { role: 'read' }).expect(201)).body;
    await mint(reader.token, { role: 'read' }).expect(403);
  });

  it('ends every descendant when a token is revoked', async () => {
    const parent = (await mint(root, { role: 'admin' }).expect(201)).body;
    const child = (await mint(parent.token, { role: 'admin' }).expect(201)).body;
    const grandchild = (await mint(child.token, { role: 'worker' }).expect(201)).body;
    await request(t.app).get('/api/spaces').set(bearer(child.token)).expect(200);
    await root.delete(`/api/tokens/${parent.id}`).expect(204);
    for (const token of [parent.token, child.token, grandchild.token])
      await request(t.app).get('/api/spaces').set(bearer(token)).expect(401);
    const listed = await root.get('/api/tokens').expect(200);
    const ids = (listed.body.items as { id: string }[]).map((i) => i.id);
    expect(ids).not.toContain(child.id);
    expect(ids).not.toContain(grandchild.id);
  });
});

describe('space admins manage their spaces’ tokens', () => {
  it('lists and revokes the tokens of their space and nothing else', async () => {
    const team = await createSpace(root, 'token-team');
    const teamAdmin = await teammate(t, root, 'admin', team);
    const theirs = (await mint(teamAdmin, { role: 'worker', spaceId: team }).expect(201)).body;
    const rootToken = (await mint(root, { role: 'read' }).expect(201)).body;

    const listed = await teamAdmin.get('/api/tokens').expect(200);
    const ids = (listed.body.items as { id: string; spaceId: string }[]).map((i) => i.id);
    expect(ids).toContain(theirs.id);
    expect(ids).not.toContain(rootToken.id);

    await teamAdmin.delete(`/api/tokens/${rootToken.id}`).expect(404);
    await request(t.app).get('/api/spaces').set(bearer(rootToken.token)).expect(200);
    await teamAdmin.delete(`/api/tokens/${theirs.id}`).expect(204);

    const reader = await teammate(t, root, 'read', team);
    expect((await reader.get('/api/tokens').expect(403)).body.code).toBe('forbidden');
  });
});
