import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANY_STACK_POLICY, createRole } from '../roles.js';
import { registeredRoutes } from '../routes.js';
import { createSpace, token } from '../stacks.js';
import { ADMIN, createTestApp, type TestApp } from '../test-app.js';
import { fuzzRequest, type FuzzRequest, type FuzzTargets } from './requests.js';
import { changedTables, snapshot } from './snapshot.js';

// A short run in the normal suite; `npm run fuzz` sets FUZZ_RUNS=10000. FUZZ_SEED replays a run.
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));

let t: TestApp;
let server: ReturnType<TestApp['app']['listen']>;
let port: number;
let targets: FuzzTargets;
const credentials = { session: '', token: '' };

async function login() {
  const res = await request(t.app).post('/api/session').send(ADMIN).expect(200);
  const cookies = res.headers['set-cookie'] as unknown as string[];
  credentials.session = (cookies[0] ?? '').split(';')[0] ?? '';
}

beforeAll(async () => {
  t = await createTestApp();
  server = t.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  port = (server.address() as AddressInfo).port;
  await login();
  const root = await t.loginAgent();
  credentials.token = await token(root, 'admin', 'root');
  const team = await createSpace(root, 'team', true);
  const { roleArn } = await createRole(t.iam, ANY_STACK_POLICY);
  const created = await root
    .post('/api/integrations/aws')
    .send({ name: 'fuzz-int', spaceId: team, roleArn })
    .expect(201);
  const integrationId = String(created.body.integration.id);
  await root
    .post('/api/stacks')
    .send({ slug: 'fuzz-app', name: 'Fuzz', spaceId: team })
    .expect(201);
  await root
    .post('/api/stacks/fuzz-app/aws-integrations')
    .send({ integrationId, read: true, write: true })
    .expect(201);
  const run = await root.post('/api/stacks/fuzz-app/runs').send({ phase: 'plan' }).expect(201);
  const other = await root
    .post('/api/tokens')
    .send({ name: 'other', role: 'read', spaceId: team })
    .expect(201);
  const invite = await root
    .post('/api/invites')
    .send({ email: 'fuzz@example.com', role: 'read', spaceId: team })
    .expect(201);
  // Its receiver is a loopback port nobody serves: "Send test" fails fast, on this machine.
  const webhook = await root
    .post('/api/webhooks')
    .send({ url: 'http://127.0.0.1:9/hook', events: ['integration.failing'] })
    .expect(201);
  const ids = [
    String(webhook.body.webhook.id),
    integrationId,
    String(run.body.id),
    team,
    String(other.body.id),
    String(invite.body.invite.id),
  ];
  targets = {
    routes: registeredRoutes(t.app),
    known: {
      id: ids,
      integrationId: [integrationId],
      slug: ['fuzz-app'],
      spaceId: ['root', team],
      roleArn: [roleArn],
      // Not the admin's: wrong guesses would lock the account the fuzzer logs back in with.
      email: ['fuzz@example.com', 'nobody@example.com'],
    },
  };
}, 60_000);
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

/** Real HTTP with every byte as generated: supertest would fix up types and lengths. */
function send(r: FuzzRequest): Promise<number> {
  const headers: Record<string, string> = { ...r.headers };
  if (r.caller !== 'anonymous') {
    delete headers.authorization;
    delete headers.cookie;
    if (r.caller === 'admin-session') headers.cookie = credentials.session;
    else headers.authorization = `Bearer ${credentials.token}`;
  }
  if (r.body) headers['content-length'] = String(r.body.length);
  return new Promise((resolve) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method: r.method, path: r.path, headers, timeout: 15_000 },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('timeout', () => req.destroy(new Error('no answer in 15 s')));
    req.on('error', () => resolve(0));
    req.end(r.body ?? undefined);
  });
}

const show = (r: FuzzRequest) =>
  `${r.caller} ${r.method} ${r.path} ${JSON.stringify(r.headers)} ${r.body?.toString('latin1').slice(0, 200) ?? ''}`;

describe('fuzzed requests', () => {
  it(
    'never answer 5xx (or not at all) and leave every table as it was when refused with a 4xx',
    async () => {
      const requests = fc.sample(fuzzRequest(targets), { numRuns: RUNS, seed: SEED });
      const histogram = new Map<number, number>();
      const failures: string[] = [];
      let before = await snapshot(t.db);
      for (const r of requests) {
        const status = await send(r);
        histogram.set(status, (histogram.get(status) ?? 0) + 1);
        if (status >= 500 || status === 0) failures.push(`${status} ← ${show(r)}`);
        // The fuzzer may log the admin out; later requests should still reach the routes.
        if (r.caller === 'admin-session' && status === 204 && r.path.startsWith('/api/session')) {
          await login();
        }
        const after = await snapshot(t.db);
        const changed = status >= 400 && status < 500 ? changedTables(before, after) : [];
        if (changed.length) failures.push(`${status} but wrote ${changed.join(', ')} ← ${show(r)}`);
        before = after;
      }
      const serverErrors = [...histogram].filter(([s]) => s >= 500 || s === 0);
      const lines = [...histogram]
        .sort(([a], [b]) => a - b)
        .map(([status, count]) => `  ${String(status).padStart(3)}  ${count}`);
      console.log(
        [
          `fuzz: ${requests.length} requests (FUZZ_SEED=${SEED})`,
          'status histogram:',
          ...lines,
          `responses >= 500 (or none): ${serverErrors.reduce((n, [, c]) => n + c, 0)}`,
        ].join('\n'),
      );
      expect(failures.slice(0, 20)).toEqual([]);
    },
    // 250 ms a request: a 10,000 run beside other work on a 2-core machine outran 100 ms.
    Math.max(60_000, RUNS * 250),
  );
});
