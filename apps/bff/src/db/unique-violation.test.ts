import express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemHandler } from '../http/problem-middleware.js';
import { createLogger } from '../logging/logger.js';
import { ADMIN, createTestApp, type TestApp } from '../test/test-app.js';
import { createRole, trustPolicy } from '../test/roles.js';
import { isUniqueViolation } from './unique-violation.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const statuses = (responses: request.Response[]) =>
  responses.map((r) => r.status).sort((a, b) => a - b);

// On PostgreSQL every create's duplicate check passes before any of them commits, so
// the unique index is what refuses the others; on SQLite the writes take turns.
describe('creates racing for one unique name', () => {
  it('one integration of eight same-name creates is made; the others are 409 name_taken', async () => {
    const { roleArn } = await createRole(t.iam, trustPolicy('demo@*'));
    const admin = await t.loginAgent();
    const responses = await Promise.all(
      Array.from({ length: 8 }, () =>
        admin.post('/api/integrations/aws').send({ name: 'raced', spaceId: 'root', roleArn }),
      ),
    );
    expect(statuses(responses)).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    for (const refused of responses.filter((r) => r.status === 409)) {
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.body).toMatchObject({ code: 'name_taken', status: 409 });
    }
    const stored = await t.db
      .selectFrom('aws_integrations')
      .select('id')
      .where('name', '=', 'raced')
      .execute();
    expect(stored).toHaveLength(1);
  });

  it('one of eight renames to one name wins; the others are 409 name_taken', async () => {
    const admin = await t.loginAgent();
    const { roleArn } = await createRole(t.iam, trustPolicy('demo@*'));
    const created = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        admin
          .post('/api/integrations/aws')
          .send({ name: `rename-${i}`, spaceId: 'root', roleArn })
          .expect(201),
      ),
    );
    const responses = await Promise.all(
      created.map((c) =>
        admin
          .patch(`/api/integrations/aws/${c.body.integration.id}`)
          .set('If-Match', c.headers.etag ?? '')
          .send({ name: 'renamed' }),
      ),
    );
    expect(statuses(responses)).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    expect(responses.find((r) => r.status === 409)?.body.code).toBe('name_taken');
  });
});

describe('a duplicate key no service expected', () => {
  it('is recognised on this dialect and answered 409 problem+json, not 500', async () => {
    const duplicate = t.db
      .insertInto('users')
      .values({ id: 'dup', email: ADMIN.email.toUpperCase(), password_hash: 'x', created_at: '' })
      .execute();
    const err: unknown = await duplicate.then(
      () => null,
      (e: unknown) => e,
    );
    expect(isUniqueViolation(err)).toBe(true);
    expect(isUniqueViolation(new Error('UNIQUE constraint failed'))).toBe(false);

    const app = express();
    app.get('/dup', () => {
      throw err;
    });
    app.use(problemHandler(createLogger('silent'), false));
    const res = await request(app).get('/dup').expect(409);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'already_exists', status: 409 });
  });
});
