// npm run bench:runs — runs started per second on the real BFF (HTTP, worker-token auth,
// SQLite, audit, computed auto-attachment) for 100 stacks sharing one integration, against
// the AWS sandbox. AssumeRole calls are counted at the sandbox: target exactly one per run
// (a run has one phase, and one integration is attached per phase).
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { startSandbox } from '@rolebridge/aws-sandbox';
import { createApp } from '../src/app.js';
import { stsPlatformIdentity } from '../src/aws/platform-identity.js';
import { createStsClients } from '../src/aws/sts-clients.js';
import { systemClock } from '../src/clock.js';
import { migrateToLatest, openDatabase } from '../src/db/database.js';
import { createLogger } from '../src/logging/logger.js';

const STACKS = 100;
const ROUNDS = 10;
const admin = { email: 'admin@example.com', password: 'bench-password-123' };
const policy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { AWS: '111111111111' },
      Action: 'sts:AssumeRole',
      Condition: { StringLike: { 'sts:ExternalId': 'demo@*' } },
    },
  ],
});

let assumeRoleCalls = 0;
const dir = mkdtempSync(join(tmpdir(), 'rolebridge-bench-runs-'));
const sandbox = await startSandbox({
  port: 0,
  logger: {
    info: (entry: object) => {
      if ((entry as { action?: string }).action === 'AssumeRole') assumeRoleCalls++;
    },
  },
});
const db = openDatabase(join(dir, 'rolebridge.db'));
await migrateToLatest(db);
const sts = createStsClients({
  endpoint: sandbox.url,
  defaultRegion: 'us-east-1',
  credentials: {
    accessKeyId: sandbox.keys.platformKeyId,
    secretAccessKey: sandbox.keys.platformSecret,
  },
});
const { app, services } = createApp({
  db,
  logger: createLogger('silent'),
  clock: systemClock,
  platform: stsPlatformIdentity(sts.forRegion(null)),
  aws: { sts },
  config: { mode: 'sandbox', secureCookies: false },
});
await services.bootstrap({
  accountName: 'demo',
  adminEmail: admin.email,
  adminPassword: admin.password,
});
const server = app.listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const iam = new IAMClient({
  endpoint: sandbox.url,
  region: 'us-east-1',
  credentials: { accessKeyId: sandbox.keys.adminKeyId, secretAccessKey: sandbox.keys.adminSecret },
});

async function call(path: string, body: object, auth: Record<string, string>) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return { json, res };
}
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] ?? 0;

try {
  const role = await iam.send(
    new CreateRoleCommand({ RoleName: 'bench-runs', AssumeRolePolicyDocument: policy }),
  );
  const login = await call('/api/session', admin, {});
  const cookie = { cookie: (login.res.headers.get('set-cookie') ?? '').split(';')[0] ?? '' };
  await call(
    '/api/integrations/aws',
    {
      name: 'shared',
      spaceId: 'root',
      roleArn: role.Role?.Arn ?? '',
      labels: ['autoattach:bench'],
      autoattachEnabled: true,
    },
    cookie,
  );
  for (let i = 0; i < STACKS; i++)
    await call(
      '/api/stacks',
      { slug: `stack-${i}`, name: `Stack ${i}`, spaceId: 'root', labels: ['bench'] },
      cookie,
    );
  const token = (
    await call('/api/tokens', { name: 'bench worker', role: 'worker', spaceId: 'root' }, cookie)
  ).json.token as string;
  const worker = { authorization: `Bearer ${token}` };

  const startRun = async (i: number) => {
    const started = performance.now();
    await call(`/api/stacks/stack-${i}/runs`, { phase: i % 2 ? 'apply' : 'plan' }, worker);
    return performance.now() - started;
  };
  await Promise.all(Array.from({ length: STACKS }, (_, i) => startRun(i))); // warm up
  assumeRoleCalls = 0;
  const latencies: number[] = [];
  const began = performance.now();
  for (let r = 0; r < ROUNDS; r++)
    latencies.push(...(await Promise.all(Array.from({ length: STACKS }, (_, i) => startRun(i)))));
  const seconds = (performance.now() - began) / 1000;
  const runs = latencies.length;
  const perRun = assumeRoleCalls / runs;
  const line = (name: string, value: string) =>
    process.stdout.write(`  ${name.padEnd(40)} ${value}\n`);
  process.stdout.write(
    `\n${runs} runs: ${STACKS} stacks sharing one auto-attached integration, ${STACKS} at a time\n`,
  );
  line('runs started per second', (runs / seconds).toFixed(0));
  line('latency p50', `${percentile(latencies, 50).toFixed(1)} ms`);
  line('latency p99', `${percentile(latencies, 99).toFixed(1)} ms`);
  line(
    'STS AssumeRole calls per run',
    `${perRun.toFixed(2)} (target 1.00) ${perRun === 1 ? 'OK' : 'OFF'}`,
  );
  process.stdout.write('\n');
} finally {
  server.close();
  iam.destroy();
  sts.destroy();
  await sandbox.close();
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
}
