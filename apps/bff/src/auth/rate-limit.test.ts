import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { staticPlatformIdentity } from '../aws/platform-identity.js';
import { systemClock } from '../clock.js';
import { openDatabase } from '../db/database.js';
import { createLogger } from '../logging/logger.js';
import { ADMIN, createTestApp, type TestApp } from '../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const statuses = (responses: request.Response[]) =>
  responses.reduce<Record<number, number>>((acc, r) => {
    acc[r.status] = (acc[r.status] ?? 0) + 1;
    return acc;
  }, {});

/** A second app on the same database: another replica behind a load balancer. */
function secondReplica() {
  const db = openDatabase(t.dbLocation);
  const { app } = createApp({
    db,
    logger: createLogger('silent'),
    clock: systemClock,
    platform: staticPlatformIdentity(null),
    aws: {
      sts: {
        forRegion: () => undefined as never,
        defaultRegion: 'us-east-1',
        destroy: () => undefined,
      },
    },
    config: { mode: 'sandbox', secureCookies: false },
  });
  return { app, close: () => db.destroy() };
}

describe('login and invite limits hold under parallel guessing', () => {
  it('evaluates at most five of 60 concurrent wrong passwords for one account', async () => {
    const bad = { email: 'parallel@example.com', password: 'wrong-wrong-wrong' };
    const responses = await Promise.all(
      Array.from({ length: 60 }, () => request(t.app).post('/api/session').send(bad)),
    );
    expect(statuses(responses)).toEqual({ 401: 5, 429: 55 });
    const failed = await t.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'session.login_failed')
      .where('target_id', '=', bad.email)
      .executeTakeFirstOrThrow();
    expect(Number(failed.n)).toBe(5);
  });

  it('counts attempts across replicas sharing the database', async () => {
    const other = secondReplica();
    try {
      const bad = { email: 'replicas@example.com', password: 'wrong-wrong-wrong' };
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          request(i % 2 ? t.app : other.app)
            .post('/api/session')
            .send(bad),
        ),
      );
      expect(statuses(responses)).toEqual({ 401: 5, 429: 15 });
    } finally {
      await other.close();
    }
  });

  it('lets the owner in after a few failures and forgets them', async () => {
    const wrong = { email: ADMIN.email, password: 'not-the-password' };
    for (let i = 0; i < 4; i++) await request(t.app).post('/api/session').send(wrong).expect(401);
    await request(t.app).post('/api/session').send(ADMIN).expect(200);
    for (let i = 0; i < 5; i++) await request(t.app).post('/api/session').send(wrong).expect(401);
    await request(t.app).post('/api/session').send(wrong).expect(429);
  });

  it('evaluates at most 20 of 40 concurrent invite guesses from one address', async () => {
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        request(t.app)
          .post('/api/invites/accept')
          .set('X-Forwarded-For', '203.0.113.9')
          .send({ token: `guess-${i}-${'x'.repeat(30)}`, password: 'a long enough password' }),
      ),
    );
    expect(statuses(responses)).toEqual({ 404: 20, 429: 20 });
    const limited = responses.find((r) => r.status === 429);
    expect(Number(limited?.headers['retry-after'])).toBeGreaterThan(0);
  });
});
