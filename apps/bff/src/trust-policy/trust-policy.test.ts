import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { staticPlatformIdentity } from '../aws/platform-identity.js';
import { createStsClients } from '../aws/sts-clients.js';
import { systemClock } from '../clock.js';
import { createLogger } from '../logging/logger.js';
import { ADMIN, createTestApp, type TestApp } from '../test/test-app.js';

let t: TestApp;
let agent: TestAgent;
let integrationId: string;
beforeAll(async () => {
  t = await createTestApp();
  agent = await t.loginAgent();
  const created = await agent
    .post('/api/integrations/aws')
    .send({ name: 'prod', spaceId: 'root', roleArn: 'arn:aws:iam::222222222222:role/rb' })
    .expect(201);
  integrationId = (created.body as { integration: { id: string } }).integration.id;
});
afterAll(() => t.close());

/** The setup guide's "Specific stack can use role" example, with its placeholders filled in. */
const seedPolicy = (overrides: { principal?: string; operator?: string; pattern?: string } = {}) =>
  JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [
        {
          Action: 'sts:AssumeRole',
          Condition: {
            [overrides.operator ?? 'StringLike']: {
              'sts:ExternalId': overrides.pattern ?? 'demo@*@stack-a@*',
            },
          },
          Effect: 'Allow',
          Principal: { AWS: overrides.principal ?? '111111111111' },
        },
      ],
    },
    null,
    2,
  );

const analyze = (body: object) => agent.post('/api/trust-policy/analyze').send(body);
const idFor = (stack: string, phase = 'read') => `demo@${integrationId}@${stack}@${phase}`;
type Finding = { code: string; severity: string; fix?: string; line?: number; column?: number };

describe('analyzing a pasted trust policy', () => {
  it('allows the stack the policy names and says why another stack is denied', async () => {
    const res = await analyze({
      policy: seedPolicy(),
      externalIds: [idFor('stack-a'), idFor('stack-b')],
    }).expect(200);
    expect(res.body.valid).toBe(true);
    const [a, b] = res.body.results as { decision: string; statements: unknown[] }[];
    expect(a).toMatchObject({ externalId: idFor('stack-a'), decision: 'allow' });
    expect(b).toMatchObject({ externalId: idFor('stack-b'), decision: 'implicit-deny' });
    expect(b?.statements[0]).toMatchObject({
      principal: { matched: true },
      matched: false,
      conditions: [
        {
          operator: 'StringLike',
          key: 'sts:ExternalId',
          values: ['demo@*@stack-a@*'],
          actual: idFor('stack-b'),
          matched: false,
        },
      ],
    });
    const finding = (res.body.findings as (Finding & { message: string })[]).find(
      (f) => f.code === 'stack-not-allowed',
    );
    expect(finding?.message).toMatch(/only lets stack "stack-a"/);
  });

  it('flags a wildcard inside StringEquals and offers the corrected policy', async () => {
    const res = await analyze({
      policy: seedPolicy({ operator: 'StringEquals', pattern: 'demo@*' }),
      externalIds: [idFor('stack-a')],
    }).expect(200);
    const finding = (res.body.findings as Finding[]).find(
      (f) => f.code === 'wildcard-in-string-equals',
    );
    expect(finding?.severity).toBe('error');
    expect(finding?.fix).toContain('StringLike');
    expect(res.body.results[0].decision).toBe('implicit-deny');
  });

  it("flags a principal from another account than Rolebridge's", async () => {
    const res = await analyze({
      policy: seedPolicy({ principal: '333333333333' }),
      externalIds: [idFor('stack-a')],
    }).expect(200);
    const codes = (res.body.findings as Finding[]).map((f) => f.code);
    expect(codes).toContain('principal-not-platform');
    expect(res.body.results[0].statements[0].principal.matched).toBe(false);
  });

  it('answers broken JSON with a finding that points at the line and column', async () => {
    const policy = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow" \n';
    const res = await analyze({ policy, externalIds: [idFor('stack-a')] }).expect(200);
    expect(res.body).toMatchObject({ valid: false, results: [] });
    expect(res.body.findings[0]).toMatchObject({ severity: 'error', code: 'json-syntax' });
    expect(res.body.findings[0].line).toBeGreaterThan(1);
    expect(res.body.findings[0].column).toBeGreaterThan(0);
  });

  it('answers a 100 KB paste quickly with a size finding, not an error status', async () => {
    const started = performance.now();
    const res = await analyze({ policy: 'x'.repeat(102_400), externalIds: [idFor('stack-a')] });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(res.status).toBe(200);
    expect(res.body.valid).toBe(false);
    expect((res.body.findings as Finding[])[0]).toMatchObject({ code: 'too-large', line: 1 });
  });

  it.each([
    ['a policy over 100 KB', { policy: 'x'.repeat(102_401) }, 'policy', /100 KB/],
    ['an unknown field', { colour: 'blue' }, 'colour', /Unknown field/],
    ['no external IDs', { externalIds: [] }, 'externalIds', /at least one/],
    ['an external ID with a space', { externalIds: ['a b'] }, 'externalIds.0', /may contain/],
    ['a principal that is no ARN', { principalArn: '1111' }, 'principalArn', /IAM or STS ARN/],
    [
      'a source IP that is none',
      { context: { sourceIp: '300.1.1.1' } },
      'context.sourceIp',
      /IPv4 or IPv6/,
    ],
    [
      '51 session tags',
      {
        context: {
          sessionTags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])),
        },
      },
      'context.sessionTags',
      /At most 50/,
    ],
    [
      'a one-letter source identity',
      { context: { sourceIdentity: 'a' } },
      'context.sourceIdentity',
      /2 to 64/,
    ],
    [
      'a caller of no known type',
      { context: { caller: { type: 'robot' } } },
      'context.caller.type',
      /role-session/,
    ],
  ])('refuses %s with a 400 naming the field', async (_what, override, path, message) => {
    const res = await analyze({
      policy: seedPolicy(),
      externalIds: [idFor('stack-a')],
      ...override,
    }).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors).toContainEqual({
      path,
      message: expect.stringMatching(message) as unknown,
    });
  });

  it('answers for the whole request context it is given', async () => {
    const ip = seedPolicy().replace(
      '"sts:ExternalId"',
      '"aws:RequestTag/team": "blue", "sts:ExternalId"',
    );
    const tagged = await analyze({
      policy: ip,
      externalIds: [idFor('stack-a')],
      context: { sessionTags: { team: 'blue' } },
    }).expect(200);
    expect(tagged.body.results[0]).toMatchObject({
      decision: 'implicit-deny',
      action: 'sts:TagSession',
    });
    expect((tagged.body.findings as Finding[]).map((f) => f.code)).toContain('missing-tag-session');
    const withAction = ip.replace('"sts:AssumeRole"', '["sts:AssumeRole", "sts:TagSession"]');
    const ok = await analyze({
      policy: withAction,
      externalIds: [idFor('stack-a')],
      context: { sessionTags: { team: 'blue' } },
    }).expect(200);
    expect(ok.body.results[0].decision).toBe('allow');
  });

  it('takes a role-session caller with its path and the time of the call', async () => {
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: {
        Effect: 'Allow',
        Principal: { AWS: '111111111111' },
        Action: 'sts:AssumeRole',
        Condition: {
          ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::111111111111:role/ci/*' },
          DateLessThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' },
          StringLike: { 'sts:ExternalId': 'demo@*' },
        },
      },
    });
    const caller = {
      type: 'role-session',
      roleArn: 'arn:aws:iam::111111111111:role/ci/deployer',
      sessionName: 'run-1',
    };
    const decide = async (time: string) =>
      (
        await analyze({
          policy,
          externalIds: [idFor('stack-a')],
          context: { caller, time },
        }).expect(200)
      ).body.results[0].decision as string;
    expect(await decide('2029-12-31T23:59:59Z')).toBe('allow');
    expect(await decide('2030-01-01T00:00:01+00:00')).toBe('implicit-deny');
  });

  it('refuses a body over the JSON limit with a 413', async () => {
    const res = await analyze({ policy: 'x'.repeat(300_000), externalIds: ['ab'] });
    expect(res.status).toBe(413);
  });
});

describe('without a session', () => {
  it.each([
    ['post', '/api/trust-policy/analyze'],
    ['post', '/api/trust-policy/generate'],
    ['get', '/api/integrations/aws/01J0000000000000000000000A/external-id?stack=a'],
  ] as const)('%s %s is a 401', async (method, path) => {
    await request(t.app)[method](path).send({}).expect(401);
  });
});

describe('when STS cannot tell Rolebridge who it is', () => {
  it('generate answers 503 platform_identity_unavailable', async () => {
    const { app } = createApp({
      db: t.db,
      logger: createLogger('silent'),
      clock: systemClock,
      platform: staticPlatformIdentity(null),
      // Never called here: nothing in this app verifies a role.
      aws: {
        sts: createStsClients({ defaultRegion: 'us-east-1', endpoint: 'http://127.0.0.1:9' }),
      },
      config: { mode: 'sandbox', secureCookies: false },
    });
    // Same database, so the session logged in here is an ordinary one.
    const offline = request.agent(app);
    await offline.post('/api/session').send(ADMIN).expect(200);
    const res = await offline
      .post('/api/trust-policy/generate')
      .send({ variant: 'any-stack' })
      .expect(503);
    expect(res.body).toMatchObject({ code: 'platform_identity_unavailable' });
    expect(res.body.detail).toMatch(/GetCallerIdentity/);
  });
});
