import { afterAll, beforeAll, expect, it } from 'vitest';
import { ANY_STACK_POLICY, createRole } from '../test/roles.js';
import { createTestApp, type TestApp } from '../test/test-app.js';

/**
 * Two replicas on one database (two connection pools; on PostgreSQL the claims race with
 * SKIP LOCKED), both scheduling: each integration is checked once per interval, not twice.
 */
const INTERVAL_MS = 1_500;
let t: TestApp;
let replica: ReturnType<TestApp['replica']>;
beforeAll(async () => {
  t = await createTestApp({ health: { intervalMs: INTERVAL_MS, concurrency: 4 } });
  replica = t.replica();
});
afterAll(async () => {
  await replica.close();
  await t.close();
});

it('checks each integration once per interval across two replicas', async () => {
  const agent = await t.loginAgent();
  const { roleArn } = await createRole(t.iam, ANY_STACK_POLICY);
  const ids: string[] = [];
  for (let i = 0; i < 8; i++) {
    const res = await agent
      .post('/api/integrations/aws')
      .send({ name: `replicated-${i}`, spaceId: 'root', roleArn })
      .expect(201);
    ids.push((res.body as { integration: { id: string } }).integration.id);
  }
  // Count which replica ran each check: the scheduler calls through the services object.
  const ran = { a: 0, b: 0 };
  for (const [key, services] of [
    ['a', t.services],
    ['b', replica.services],
  ] as const) {
    const scheduled = services.verification.scheduled.bind(services.verification);
    services.verification.scheduled = (id) => {
      ran[key] += 1;
      return scheduled(id);
    };
  }
  const started = Date.now();
  await Promise.all([t.services.healthScheduler.start(), replica.services.healthScheduler.start()]);
  // The feature is time itself: three intervals must pass.
  await new Promise((r) => setTimeout(r, 3 * INTERVAL_MS + 200));
  await Promise.all([t.services.healthScheduler.stop(), replica.services.healthScheduler.stop()]);
  // One check may be due at once (overdue after the creates), then one per 90–100 % interval.
  const most = 1 + Math.floor((Date.now() - started) / (0.9 * INTERVAL_MS));

  const rows = await t.db
    .selectFrom('integration_checks')
    .select(['integration_id', 'at'])
    .where('trigger', '=', 'scheduled')
    .orderBy('id')
    .execute();
  for (const id of ids) {
    const times = rows.filter((r) => r.integration_id === id).map((r) => Date.parse(r.at));
    expect(times.length, id).toBeGreaterThanOrEqual(2);
    expect(times.length, id).toBeLessThanOrEqual(most);
    // Each next check is due 90–100 % of an interval after the last one began.
    for (let i = 1; i < times.length; i++)
      expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(0.9 * INTERVAL_MS);
  }
  expect(ran.a + ran.b).toBe(rows.length);
  expect(ran.a).toBeGreaterThan(0);
  expect(ran.b).toBeGreaterThan(0);
});
