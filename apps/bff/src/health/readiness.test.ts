import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSandbox, type Sandbox } from '@rolebridge/aws-sandbox';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../test/test-app.js';

describe('/readyz asks STS live', () => {
  it('concurrent probes share one GetCallerIdentity, and the answer is kept for a few seconds', async () => {
    let calls = 0;
    const t = await createTestApp({
      instrument: (client) =>
        client.middlewareStack.add(
          (next, context) => (args) => {
            if (context.commandName === 'GetCallerIdentityCommand') calls++;
            return next(args);
          },
          { step: 'initialize', name: 'countIdentityCalls' },
        ),
    });
    try {
      const probes = await Promise.all(
        Array.from({ length: 20 }, () => request(t.app).get('/readyz')),
      );
      for (const probe of probes) {
        expect(probe.status).toBe(200);
        expect(probe.body).toEqual({ status: 'ready', checks: { database: 'ok', sts: 'ok' } });
      }
      await request(t.app).get('/readyz').expect(200);
      expect(calls).toBe(1);
    } finally {
      await t.close();
    }
  });

  it('is 503 naming sts when STS refuses the platform credentials', async () => {
    const t = await createTestApp({
      platformCredentials: { accessKeyId: 'AKIAWRONGWRONGWRONG0', secretAccessKey: 'x'.repeat(40) },
    });
    try {
      const res = await request(t.app).get('/readyz').expect(503);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({
        status: 503,
        code: 'not_ready',
        checks: { database: 'ok', sts: 'unavailable' },
      });
      expect(res.body.detail).toMatch(/^sts: InvalidClientTokenId/);
      expect(JSON.stringify(res.body)).not.toContain('x'.repeat(40));
    } finally {
      await t.close();
    }
  });
});

const main = fileURLToPath(new URL('../main.ts', import.meta.url));

/** Polls /readyz until it answers `status`; returns how long that took. */
async function waitForReady(url: string, status: number, withinMs: number) {
  const started = Date.now();
  let last = 0;
  while (Date.now() - started < withinMs) {
    last = await fetch(`${url}/readyz`)
      .then((r) => r.status)
      .catch(() => 0);
    if (last === status) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`/readyz answered ${last}, not ${status}, for ${withinMs} ms`);
}

describe('a bff in aws mode behind a standalone sandbox (AWS_ENDPOINT_URL_STS)', () => {
  let sandbox: Sandbox | null = null;
  let bff: ChildProcess | null = null;
  const dataDir = mkdtempSync(join(tmpdir(), 'rb-readyz-'));

  afterAll(async () => {
    bff?.kill('SIGTERM');
    await sandbox?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('goes 503 within 10 s of the sandbox stopping and 200 when it is back', async () => {
    sandbox = await startSandbox({ port: 0 });
    const { port, url: stsUrl, keys } = sandbox;
    bff = spawn(process.execPath, ['--import', 'tsx', main], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: dataDir,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        ROLEBRIDGE_AWS_MODE: 'aws',
        ROLEBRIDGE_DATA_DIR: dataDir,
        ROLEBRIDGE_ADMIN_PASSWORD: 'correct horse battery staple',
        // The SDK's standard variables: nothing Rolebridge-specific points it at the sandbox.
        AWS_ENDPOINT_URL_STS: stsUrl,
        AWS_ENDPOINT_URL_IAM: stsUrl,
        AWS_ACCESS_KEY_ID: keys.platformKeyId,
        AWS_SECRET_ACCESS_KEY: keys.platformSecret,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const consoleUrl = await new Promise<string>((resolve, reject) => {
      let out = '';
      bff!.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const found = /running at (http:\/\/localhost:\d+)/.exec(out);
        if (found) resolve(found[1]!);
      });
      bff!.once('exit', (code) => reject(new Error(`bff exited ${code}: ${out}`)));
    });

    await waitForReady(consoleUrl, 200, 30_000);
    const ready = await fetch(`${consoleUrl}/readyz`).then((r) => r.json());
    expect(ready).toEqual({ status: 'ready', checks: { database: 'ok', sts: 'ok' } });

    await sandbox.close();
    sandbox = null;
    expect(await waitForReady(consoleUrl, 503, 10_000)).toBeLessThan(10_000);
    const down = await fetch(`${consoleUrl}/readyz`);
    expect(await down.json()).toMatchObject({
      code: 'not_ready',
      checks: { database: 'ok', sts: 'unavailable' },
      detail: expect.stringMatching(/^sts: ECONNREFUSED/),
    });

    sandbox = await startSandbox({ port });
    await waitForReady(consoleUrl, 200, 10_000);
  }, 60_000);
});
