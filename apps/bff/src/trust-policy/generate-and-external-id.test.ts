import type TestAgent from 'supertest/lib/agent.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.js';

let t: TestApp;
let agent: TestAgent;
let integrationId: string;
const createIntegration = async (extra: object = {}) => {
  const res = await agent
    .post('/api/integrations/aws')
    .send({
      name: `i-${Math.random().toString(36).slice(2)}`,
      spaceId: 'root',
      roleArn: 'arn:aws:iam::222222222222:role/rb',
      ...extra,
    })
    .expect(201);
  return (res.body as { integration: { id: string } }).integration.id;
};
beforeAll(async () => {
  t = await createTestApp();
  agent = await t.loginAgent();
  integrationId = await createIntegration();
});
afterAll(() => t.close());

const generate = (body: object) => agent.post('/api/trust-policy/generate').send(body);

describe('generating a trust policy', () => {
  it.each([
    [{ variant: 'any-stack' }, 'demo@*'],
    [{ variant: 'specific-stacks', stackSlugs: ['stack-a'] }, 'demo@*@stack-a@*'],
    [{ variant: 'plan-only' }, 'demo@*@read'],
    [
      { variant: 'exact', integrationId: '01J0000000000000000000000A', phase: 'write' },
      'demo@01J0000000000000000000000A@prod@write',
    ],
  ])('%o names the account and the platform principal everywhere', async (body, pattern) => {
    const stacks = body.variant === 'exact' ? { stackSlugs: ['prod'] } : {};
    const res = await generate({ ...body, ...stacks }).expect(200);
    expect(res.body.patterns).toEqual([pattern]);
    expect(res.body.policy.Statement[0].Principal).toEqual({ AWS: '111111111111' });
    expect(JSON.parse(res.body.json as string)).toEqual(res.body.policy);
    for (const text of [res.body.awsCli, res.body.cloudFormation, res.body.terraform]) {
      expect(text).toContain(pattern);
      expect(text).toContain('111111111111');
    }
  });

  it('adds the Terraform S3 backend policy when asked', async () => {
    const res = await generate({
      variant: 'any-stack',
      s3Backend: { bucket: 'my-state', keyPrefix: 'stacks/', dynamoDbTable: 'locks' },
    }).expect(200);
    expect(res.body.s3BackendPolicy.json).toContain('arn:aws:s3:::my-state/stacks/*');
    expect(res.body.s3BackendPolicy.json).toContain('table/locks');
  });

  it.each([
    [
      'specific stacks without stacks',
      { variant: 'specific-stacks' },
      'stackSlugs',
      /at least one/,
    ],
    [
      'any stack with stacks',
      { variant: 'any-stack', stackSlugs: ['a'] },
      'stackSlugs',
      /no stacks/,
    ],
    ['plan only with a phase', { variant: 'plan-only', phase: 'read' }, 'phase', /exact/],
    [
      'exact without integration',
      { variant: 'exact', phase: 'read', stackSlugs: ['a'] },
      'integrationId',
      /integration/,
    ],
    [
      'exact without phase',
      { variant: 'exact', integrationId, stackSlugs: ['a'] },
      'phase',
      /read \(plan\)/,
    ],
    [
      'exact with two stacks',
      { variant: 'exact', integrationId, phase: 'read', stackSlugs: ['a', 'b'] },
      'stackSlugs',
      /exactly one/,
    ],
    ['an unknown variant', { variant: 'everything' }, 'variant', /any-stack/],
    [
      'a bad bucket',
      { variant: 'any-stack', s3Backend: { bucket: 'A', keyPrefix: '' } },
      's3Backend.bucket',
      /bucket name/,
    ],
    [
      'a short session',
      { variant: 'any-stack', maxSessionDuration: 900 },
      'maxSessionDuration',
      /3600/,
    ],
    ['an unknown field', { variant: 'any-stack', colour: 'blue' }, 'colour', /Unknown field/],
  ])('refuses %s with a 400 naming the field', async (_what, body, path, message) => {
    const res = await generate(body).expect(400);
    expect(res.body.errors).toContainEqual({
      path,
      message: expect.stringMatching(message) as unknown,
    });
  });
});

describe('the external ID of an integration', () => {
  const url = (id: string, query: string) => `/api/integrations/aws/${id}/external-id?${query}`;

  it('lists both phases and the exact statement, which the analyzer then allows', async () => {
    const res = await agent.get(url(integrationId, 'stack=prod')).expect(200);
    const ids = [`demo@${integrationId}@prod@read`, `demo@${integrationId}@prod@write`];
    expect(res.body.externalIds).toEqual([
      { phase: 'read', externalId: ids[0] },
      { phase: 'write', externalId: ids[1] },
    ]);
    expect(res.body.statement).toMatchObject({
      Principal: { AWS: '111111111111' },
      Condition: { StringEquals: { 'sts:ExternalId': ids } },
    });
    const analysis = await agent
      .post('/api/trust-policy/analyze')
      .send({ policy: res.body.policy, externalIds: ids })
      .expect(200);
    expect(analysis.body.results.map((r: { decision: string }) => r.decision)).toEqual([
      'allow',
      'allow',
    ]);
  });

  it('gives only the phase asked for', async () => {
    const res = await agent.get(url(integrationId, 'stack=prod&read=false')).expect(200);
    expect(res.body.externalIds).toEqual([
      { phase: 'write', externalId: `demo@${integrationId}@prod@write` },
    ]);
    expect(res.body.statement.Condition.StringEquals['sts:ExternalId']).toBe(
      `demo@${integrationId}@prod@write`,
    );
  });

  it.each([
    ['no stack', '', 'stack'],
    ['a stack slug with capitals', 'stack=Prod', 'stack'],
    ['neither phase', 'stack=prod&read=false&write=false', 'read'],
    ['a flag that is not true/false', 'stack=prod&read=yes', 'read'],
    ['an unknown parameter', 'stack=prod&colour=blue', 'colour'],
  ])('refuses %s with a 400', async (_what, query, path) => {
    const res = await agent.get(url(integrationId, query)).expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it('is a 404 for an integration that does not exist', async () => {
    const res = await agent.get(url('01J0000000000000000000000A', 'stack=prod')).expect(404);
    expect(res.body.code).toBe('integration_not_found');
  });

  it('refuses to invent a statement when the worker uses a custom external ID', async () => {
    const id = await createIntegration({ assumeRoleOnWorker: true, externalId: 'my-own-id' });
    const res = await agent.get(url(id, 'stack=prod')).expect(409);
    expect(res.body).toMatchObject({ code: 'custom_external_id' });
    expect(res.body.detail).toContain('my-own-id');
  });
});
