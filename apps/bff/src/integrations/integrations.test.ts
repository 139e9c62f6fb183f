import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ANY_STACK_POLICY, createRole } from '../test/roles.js';
import { createTestApp, type TestApp } from '../test/test-app.js';

let t: TestApp;
let agent: TestAgent;
beforeAll(async () => {
  t = await createTestApp();
  agent = await t.loginAgent();
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.db.deleteFrom('aws_integrations').execute();
});

const valid = {
  name: 'production',
  spaceId: 'root',
  roleArn: 'arn:aws:iam::222222222222:role/rolebridge',
};

const create = (body: object) => agent.post('/api/integrations/aws').send(body);
const count = async () => (await t.db.selectFrom('aws_integrations').select('id').execute()).length;

describe('creating an AWS integration', () => {
  it('stores it with defaults and returns it with an ETag', async () => {
    const res = await create({ ...valid, labels: ['team:infra', 'prod'] }).expect(201);
    expect(res.body.integration).toMatchObject({
      name: 'production',
      spaceId: 'root',
      durationSeconds: 3600,
      assumeRoleOnWorker: false,
      externalId: null,
      region: null,
      labels: ['prod', 'team:infra'],
      autoattachEnabled: false,
    });
    // Create verifies at once (verification.test.ts covers what it finds); reads carry it.
    expect(res.body.integration.lastVerification).toEqual(res.body.verification);
    expect(res.body.integration.id).toMatch(/^[0-9A-Z]{26}$/);
    expect(res.headers.etag).toMatch(/^"1-[\w-]{22}"$/);
    // The same body read back carries the same tag.
    const read = await agent.get(res.headers.location!).expect(200);
    expect(read.headers.etag).toBe(res.headers.etag);
    expect(res.headers.location).toBe(`/api/integrations/aws/${res.body.integration.id}`);
  });

  it.each([
    ['a user ARN', { roleArn: 'arn:aws:iam::222222222222:user/alice' }, 'roleArn', /IAM user ARN/],
    ['an 11-digit account', { roleArn: 'arn:aws:iam::22222222222:role/x' }, 'roleArn', /11 digits/],
    ['duration 899', { durationSeconds: 899 }, 'durationSeconds', /at least 900/],
    ['duration 3601', { durationSeconds: 3601 }, 'durationSeconds', /at most 3600/],
    ['duration as a string', { durationSeconds: '3600' }, 'durationSeconds', /whole number/],
    ['a label with spaces', { labels: ['has space'] }, 'labels.0', /spaces/],
    ['an overlong name', { name: 'x'.repeat(101) }, 'name', /at most 100/],
    ['an unknown field', { colour: 'blue' }, 'colour', /Unknown field/],
    ['a region that is not one', { region: 'Frankfurt' }, 'region', /us-east-2/],
    [
      'an external ID without the worker option',
      { externalId: 'abc123' },
      'externalId',
      /Assume role on worker/,
    ],
    [
      'an external ID with a space',
      { assumeRoleOnWorker: true, externalId: 'a b' },
      'externalId',
      /may contain only/,
    ],
    ['a wrong type for a flag', { autoattachEnabled: 'yes' }, 'autoattachEnabled', /true or false/],
  ])('refuses %s with a 400 naming the field', async (_what, override, path, message) => {
    const res = await create({ ...valid, ...override }).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, code: 'invalid_input' });
    expect(res.body.errors).toContainEqual({
      path,
      message: expect.stringMatching(message) as unknown,
    });
    expect(await count()).toBe(0);
  });

  it('trims the spaces and newline a pasted role ARN brings along', async () => {
    const res = await create({ ...valid, roleArn: `  ${valid.roleArn}\n` }).expect(201);
    expect(res.body.integration.roleArn).toBe(valid.roleArn);
  });

  it('refuses malformed JSON and non-JSON bodies without a 5xx', async () => {
    const broken = await agent
      .post('/api/integrations/aws')
      .set('Content-Type', 'application/json')
      .send('{"name": ')
      .expect(400);
    expect(broken.body.code).toBe('malformed_json');
    await agent
      .post('/api/integrations/aws')
      .set('Content-Type', 'text/plain')
      .send('name=x')
      .expect(415);
    const huge = await agent
      .post('/api/integrations/aws')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ name: 'x'.repeat(300_000) }))
      .expect(413);
    expect(huge.body.code).toBe('payload_too_large');
    expect(await count()).toBe(0);
  });

  it('refuses a second integration with the same name (any case) with 409', async () => {
    await create(valid).expect(201);
    const res = await create({ ...valid, name: 'PRODUCTION' }).expect(409);
    expect(res.body).toMatchObject({ status: 409, code: 'name_taken' });
    expect(await count()).toBe(1);
  });

  it('refuses a space that does not exist as a field error', async () => {
    const res = await create({ ...valid, spaceId: 'nowhere' }).expect(400);
    expect(res.body.errors).toContainEqual({ path: 'spaceId', message: 'No space with this ID' });
  });
});

describe('updating with If-Match', () => {
  it('applies a change with the current ETag and bumps it', async () => {
    const { body, headers } = await create(valid).expect(201);
    const res = await agent
      .patch(`/api/integrations/aws/${body.integration.id}`)
      .set('If-Match', headers.etag!)
      .send({ labels: ['x'], durationSeconds: 1800 })
      .expect(200);
    expect(res.body).toMatchObject({ labels: ['x'], durationSeconds: 1800 });
    expect(res.headers.etag).toMatch(/^"2-/);
  });

  it('answers a stale ETag with 412 and leaves the row as it was', async () => {
    const { body, headers } = await create({ ...valid, labels: ['keep'] }).expect(201);
    const id = body.integration.id as string;
    const first = await agent
      .patch(`/api/integrations/aws/${id}`)
      .set('If-Match', headers.etag!)
      .send({ name: 'first' })
      .expect(200);
    const res = await agent
      .patch(`/api/integrations/aws/${id}`)
      .set('If-Match', headers.etag!)
      .send({ name: 'second', labels: [] })
      .expect(412);
    expect(res.body.code).toBe('stale_etag');
    const stored = await agent.get(`/api/integrations/aws/${id}`).expect(200);
    expect(stored.body).toMatchObject({ name: 'first', labels: ['keep'] });
    expect(stored.headers.etag).toBe(first.headers.etag);
  });

  it('requires If-Match', async () => {
    const { body } = await create(valid).expect(201);
    await agent
      .patch(`/api/integrations/aws/${body.integration.id}`)
      .send({ name: 'x' })
      .expect(428);
  });

  it('validates the merged result and saves nothing on a bad field', async () => {
    const { body, headers } = await create(valid).expect(201);
    const id = body.integration.id as string;
    const res = await agent
      .patch(`/api/integrations/aws/${id}`)
      .set('If-Match', headers.etag!)
      .send({ externalId: 'custom-id' })
      .expect(400);
    expect(res.body.errors[0].path).toBe('externalId');
    const stored = await agent.get(`/api/integrations/aws/${id}`).expect(200);
    expect(stored.headers.etag).toBe(headers.etag);
  });
});

describe('editing what a check depends on', () => {
  it('checks the new role ARN at once and answers with its verdict and a matching ETag', async () => {
    const { roleArn } = await createRole(t.iam, ANY_STACK_POLICY);
    const { body, headers } = await create(valid).expect(201);
    const id = body.integration.id as string;
    expect(body.integration.lastVerification.ok).toBe(false);
    const res = await agent
      .patch(`/api/integrations/aws/${id}`)
      .set('If-Match', headers.etag!)
      .send({ roleArn })
      .expect(200);
    expect(res.body.roleArn).toBe(roleArn);
    expect(res.body.lastVerification).toMatchObject({ ok: true });
    // The tag covers the new verdict: the next read is the same body, not a 304 of the old.
    const read = await agent.get(`/api/integrations/aws/${id}`).expect(200);
    expect(read.headers.etag).toBe(res.headers.etag);
    expect(read.body.lastVerification).toMatchObject({ ok: true });
  });

  it('leaves the verdict alone when only labels or the name change', async () => {
    const { body, headers } = await create(valid).expect(201);
    const before = body.integration.lastVerification as { checkedAt?: string };
    const res = await agent
      .patch(`/api/integrations/aws/${body.integration.id}`)
      .set('If-Match', headers.etag!)
      .send({ labels: ['x'] })
      .expect(200);
    expect(res.body.lastVerification).toEqual(before);
  });
});

describe('listing', () => {
  beforeEach(async () => {
    const seed = [
      ['alpha', ['a', 'b', 'c']],
      ['bravo', ['a', 'b']],
      ['charlie', ['a']],
      ['delta', ['b', 'c']],
      ['echo', []],
    ] as const;
    for (const [name, labels] of seed) await create({ ...valid, name, labels }).expect(201);
  });

  const names = (body: { items: { name: string }[] }) => body.items.map((i) => i.name);

  it('keeps only integrations carrying every requested label', async () => {
    const res = await agent.get('/api/integrations/aws?label=a&label=b').expect(200);
    expect(names(res.body)).toEqual(['alpha', 'bravo']);
    expect(names((await agent.get('/api/integrations/aws?label=c').expect(200)).body)).toEqual([
      'alpha',
      'delta',
    ]);
  });

  it('searches names case-insensitively, treating % and _ literally', async () => {
    expect(names((await agent.get('/api/integrations/aws?q=HAR').expect(200)).body)).toEqual([
      'charlie',
    ]);
    expect(names((await agent.get('/api/integrations/aws?q=%25').expect(200)).body)).toEqual([]);
  });

  it('pages with a cursor until nextCursor is null', async () => {
    const first = await agent.get('/api/integrations/aws?limit=2').expect(200);
    expect(names(first.body)).toEqual(['alpha', 'bravo']);
    const second = await agent
      .get(`/api/integrations/aws?limit=2&cursor=${first.body.nextCursor}`)
      .expect(200);
    expect(names(second.body)).toEqual(['charlie', 'delta']);
    const third = await agent
      .get(`/api/integrations/aws?limit=2&cursor=${second.body.nextCursor}`)
      .expect(200);
    expect(names(third.body)).toEqual(['echo']);
    expect(third.body.nextCursor).toBeNull();
  });

  it('filters by space and rejects bad query parameters by name', async () => {
    const space = await agent
      .post('/api/spaces')
      .send({ name: 'Team A', parentId: 'root' })
      .expect(201);
    await create({ ...valid, name: 'in-team-a', spaceId: space.body.id }).expect(201);
    expect(
      names((await agent.get(`/api/integrations/aws?space=${space.body.id}`).expect(200)).body),
    ).toEqual(['in-team-a']);
    for (const [query, path] of [
      ['limit=0', 'limit'],
      ['label=has%20space', 'label.0'],
      ['cursor=zzz', 'cursor'],
      ['sort=name', 'sort'],
    ]) {
      const res = await agent.get(`/api/integrations/aws?${query}`).expect(400);
      expect(res.body.errors[0].path).toBe(path);
    }
    await agent.delete(`/api/spaces/${space.body.id}`).expect(409);
  });
});

describe('reading and deleting', () => {
  it('reads one, deletes it, then answers 404', async () => {
    const { body } = await create(valid).expect(201);
    const id = body.integration.id as string;
    await agent.get(`/api/integrations/aws/${id}`).expect(200);
    await agent.delete(`/api/integrations/aws/${id}`).expect(204);
    const res = await agent.get(`/api/integrations/aws/${id}`).expect(404);
    expect(res.body.code).toBe('integration_not_found');
    await request(t.app).delete(`/api/integrations/aws/${id}`).expect(401);
  });
});
