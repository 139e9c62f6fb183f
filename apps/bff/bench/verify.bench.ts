// npm run bench:verify — wall time of POST /api/integrations/aws/:id/verify on the real BFF
// (HTTP, session auth, SQLite, audit) against the AWS sandbox answering every call 200 ms late.
// Read, write and the confused-deputy probe run in parallel, so one verification should cost
// about one AssumeRole (target ≤ 1.3×); 20 at once should cost little more.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { startSandbox } from '@rolebridge/aws-sandbox';
import { createApp } from '../src/app.js';
import { stsPlatformIdentity } from '../src/aws/platform-identity.js';
import { createStsClients } from '../src/aws/sts-clients.js';
import { systemClock } from '../src/clock.js';
import { migrateToLatest, openDatabase } from '../src/db/database.js';
import { createLogger } from '../src/logging/logger.js';
import { printInitialJsSize } from './web-size.js';

const LATENCY_MS = 200;
const ROUNDS = 5;
const CONCURRENT = 20;
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

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
async function timed(fn: () => Promise<unknown>) {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const dir = mkdtempSync(join(tmpdir(), 'rolebridge-bench-'));
const sandbox = await startSandbox({ port: 0 });
const db = openDatabase(join(dir, 'rolebridge.db'));
await migrateToLatest(db);
const credentials = {
  accessKeyId: sandbox.keys.platformKeyId,
  secretAccessKey: sandbox.keys.platformSecret,
};
const sts = createStsClients({ endpoint: sandbox.url, defaultRegion: 'us-east-1', credentials });
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

try {
  const iam = new IAMClient({
    endpoint: sandbox.url,
    region: 'us-east-1',
    credentials: {
      accessKeyId: sandbox.keys.adminKeyId,
      secretAccessKey: sandbox.keys.adminSecret,
    },
  });
  const role = await iam.send(
    new CreateRoleCommand({ RoleName: 'bench', AssumeRolePolicyDocument: policy }),
  );
  const roleArn = role.Role?.Arn ?? '';
  const login = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const post = async (path: string, body: object) => {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as { ok?: boolean; integration?: { id: string } };
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  const ids: string[] = [];
  for (let i = 0; i < CONCURRENT; i++)
    ids.push(
      (await post('/api/integrations/aws', { name: `bench-${i}`, spaceId: 'root', roleArn }))
        .integration?.id ?? '',
    );

  sandbox.faults.setRegion('us-east-1', { latencyMs: LATENCY_MS });
  const client = sts.forRegion(null);
  const oneCall = () =>
    client.send(
      new AssumeRoleCommand({
        RoleArn: roleArn,
        RoleSessionName: 'bench',
        ExternalId: 'demo@x@y@read',
      }),
    );
  const verify = async (id: string) => {
    const result = await post(`/api/integrations/aws/${id}/verify`, {});
    if (!result.ok) throw new Error(`verification failed: ${JSON.stringify(result)}`);
  };
  await oneCall();
  await verify(ids[0] ?? '');

  const single: number[] = [];
  const verification: number[] = [];
  const concurrent: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    single.push(await timed(oneCall));
    verification.push(await timed(() => verify(ids[0] ?? '')));
    concurrent.push(await timed(() => Promise.all(ids.map(verify))));
  }
  const one = median(single);
  const ver = median(verification);
  const rows = [
    ['one AssumeRole (SDK, direct)', one],
    ['one verification (read + write + probe, HTTP)', ver],
    [`${CONCURRENT} concurrent verifications`, median(concurrent)],
  ] as const;
  process.stdout.write(
    `\nSTS latency fault: ${LATENCY_MS} ms per call, median of ${ROUNDS} rounds\n`,
  );
  for (const [name, ms] of rows)
    process.stdout.write(`  ${name.padEnd(48)} ${ms.toFixed(0).padStart(6)} ms\n`);
  const ratio = ver / one;
  process.stdout.write(
    `  verification / one call: ${ratio.toFixed(2)}× (target ≤ 1.3×) ${ratio <= 1.3 ? 'OK' : 'OVER'}\n`,
  );
  printInitialJsSize();
  iam.destroy();
} finally {
  server.close();
  sts.destroy();
  await sandbox.close();
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
}
