// The real BFF for bench:verify and bench:runs: HTTP on a free port, a fresh SQLite file,
// silent logs, and the AWS sandbox, with the customer account's IAM to create roles in.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IAMClient } from '@aws-sdk/client-iam';
import { startSandbox, type SandboxOptions } from '@rolebridge/aws-sandbox';
import { createApp } from '../src/app.js';
import { stsPlatformIdentity } from '../src/aws/platform-identity.js';
import { createStsClients } from '../src/aws/sts-clients.js';
import { systemClock } from '../src/clock.js';
import { migrateToLatest, openDatabase } from '../src/db/database.js';
import { createHttpServer } from '../src/http/server.js';
import { createLogger } from '../src/logging/logger.js';

export const admin = { email: 'admin@example.com', password: 'bench-password-123' };

/** The setup guide's "Any stack can use role" trust policy for account `demo`. */
export const anyStackPolicy = JSON.stringify({
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

export async function startBff(name: string, sandboxOptions: Omit<SandboxOptions, 'port'> = {}) {
  const dir = mkdtempSync(join(tmpdir(), `rolebridge-bench-${name}-`));
  const sandbox = await startSandbox({ ...sandboxOptions, port: 0 });
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
  const server = createHttpServer(app).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const iam = new IAMClient({
    endpoint: sandbox.url,
    region: 'us-east-1',
    credentials: {
      accessKeyId: sandbox.keys.adminKeyId,
      secretAccessKey: sandbox.keys.adminSecret,
    },
  });

  /** POSTs JSON; throws on anything but 2xx so a broken setup cannot pass for a slow one. */
  async function post(path: string, body: object, headers: Record<string, string> = {}) {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as Record<string, unknown>;
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
    return { json, res };
  }

  return {
    sandbox,
    sts,
    iam,
    db,
    services,
    base,
    post,
    /** Logs the admin in; returns the session cookie as a header. */
    async login() {
      const { res } = await post('/api/session', admin);
      return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '' };
    },
    async close() {
      server.close();
      iam.destroy();
      sts.destroy();
      await sandbox.close();
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
