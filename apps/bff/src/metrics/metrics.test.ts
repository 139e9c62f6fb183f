import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANY_STACK_POLICY, createRole, trustPolicy } from '../test/roles.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { startReceiver } from '../test/webhook-receiver.js';

const TOKEN = 'a-metrics-token-for-the-scraper';
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ metricsToken: TOKEN });
});
afterAll(() => t.close());

interface Family {
  name: string;
  type: string;
  metrics: { labels?: Record<string, string>; value?: string; count?: string }[];
}

/** Scrapes /metrics as Prometheus would and parses the text with an independent parser. */
async function scrape() {
  const res = await request(t.app)
    .get('/metrics')
    .set('Authorization', `Bearer ${TOKEN}`)
    .expect(200)
    .expect('Content-Type', /^text\/plain; version=0\.0\.4/);
  const families: Family[] = parsePrometheusTextFormat(res.text);
  const family = (name: string) => families.find((f) => f.name === name);
  /** The sample's value (a histogram's count), 0 when absent. */
  const value = (name: string, labels: Record<string, string> = {}) => {
    const sample = family(name)?.metrics.find((m) =>
      Object.entries(labels).every(([k, v]) => m.labels?.[k] === v),
    );
    return Number(sample?.value ?? sample?.count ?? 0);
  };
  return { families, family, value };
}

describe('GET /metrics', () => {
  it('asks for the bearer token when one is configured', async () => {
    const res = await request(t.app).get('/metrics').expect(401);
    expect(res.headers['www-authenticate']).toContain('Bearer');
    await request(t.app).get('/metrics').set('Authorization', 'Bearer wrong').expect(401);
  });

  it('parses as Prometheus text and its counters move as checks run', async () => {
    const before = await scrape();
    expect(before.family('process_cpu_user_seconds_total')?.type).toBe('COUNTER');
    expect(before.family('nodejs_heap_size_used_bytes')?.type).toBe('GAUGE');
    expect(before.family('rolebridge_assume_role_duration_seconds')?.type).toBe('HISTOGRAM');

    const root = await t.loginAgent();
    const good = await createRole(t.iam, ANY_STACK_POLICY);
    const refusing = await createRole(t.iam, trustPolicy('someone-else@*'));
    const created = await root
      .post('/api/integrations/aws')
      .send({ name: 'metered', spaceId: 'root', roleArn: good.roleArn })
      .expect(201);
    await root.post(`/api/integrations/aws/${created.body.integration.id}/verify`).expect(200);
    await root
      .post('/api/integrations/aws')
      .send({ name: 'metered-refused', spaceId: 'root', roleArn: refusing.roleArn })
      .expect(201);
    const receiver = await startReceiver();
    const hook = await root
      .post('/api/webhooks')
      .send({ url: receiver.url, events: ['integration.failing'] })
      .expect(201);
    await root.post(`/api/webhooks/${hook.body.webhook.id}/test`).expect(200);
    await receiver.close();

    const after = await scrape();
    const moved = (name: string, labels: Record<string, string>) =>
      after.value(name, labels) - before.value(name, labels);
    expect(moved('rolebridge_verifications_total', { trigger: 'create', result: 'ok' })).toBe(1);
    expect(moved('rolebridge_verifications_total', { trigger: 'manual', result: 'ok' })).toBe(1);
    expect(moved('rolebridge_verifications_total', { trigger: 'create', result: 'failed' })).toBe(
      1,
    );
    // Read, write and the probe without an external ID, for each of three verifications.
    expect(moved('rolebridge_assume_role_duration_seconds', {})).toBeGreaterThanOrEqual(9);
    expect(
      moved('rolebridge_assume_role_errors_total', { code: 'AccessDenied' }),
    ).toBeGreaterThanOrEqual(2);
    expect(moved('rolebridge_webhook_deliveries_total', { result: 'delivered' })).toBe(1);
    // Read from the health state at scrape time: one healthy and one failing integration more.
    expect(after.family('rolebridge_integrations')?.type).toBe('GAUGE');
    expect(moved('rolebridge_integrations', { state: 'healthy' })).toBe(1);
    expect(moved('rolebridge_integrations', { state: 'failing' })).toBe(1);
  });
});
