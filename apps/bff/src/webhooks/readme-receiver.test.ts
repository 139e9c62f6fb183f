import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../test/replica-process.js';
import { createTestApp, type TestApp } from '../test/test-app.js';

const README = new URL('../../../../README.md', import.meta.url);

/** The README's receiver, exactly as printed there. */
function receiverSnippet(): string {
  const match = /```js receiver\.mjs\n([\s\S]*?)```/.exec(readFileSync(README, 'utf8'));
  if (!match?.[1]) throw new Error('README has no receiver.mjs block');
  return match[1];
}

let t: TestApp;
const dir = mkdtempSync(join(tmpdir(), 'rolebridge-receiver-'));
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the snippet with `secret`; resolves once it listens. */
async function startSnippet(secret: string) {
  const file = join(dir, 'receiver.mjs');
  writeFileSync(file, receiverSnippet());
  const port = await freePort();
  const child = spawn(process.execPath, [file], {
    env: { PATH: process.env.PATH ?? '', ROLEBRIDGE_WEBHOOK_SECRET: secret, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    const up = await fetch(url, { method: 'POST' }).then(
      () => true,
      () => false,
    );
    if (up) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url, output: () => output, stop: () => child.kill() };
}

describe("the README's webhook receiver", () => {
  it('accepts a real signed delivery and refuses one signed with another secret', async () => {
    const root = await t.loginAgent();
    const secret = 'the-secret-the-receiver-was-given';
    const receiver = await startSnippet(secret);
    try {
      const good = await root
        .post('/api/webhooks')
        .send({ url: receiver.url, events: ['integration.failing'], secret })
        .expect(201);
      const sent = await root.post(`/api/webhooks/${good.body.webhook.id}/test`).expect(200);
      expect(sent.body.delivery).toMatchObject({ status: 'delivered', responseStatus: 204 });
      // The snippet logs after it answered: its stdout can reach us after the 204 did.
      await expect.poll(() => receiver.output()).toContain('webhook.test');

      const wrong = await root
        .post('/api/webhooks')
        .send({ url: receiver.url, events: ['integration.failing'], secret: `${secret}-not` })
        .expect(201);
      const refused = await root.post(`/api/webhooks/${wrong.body.webhook.id}/test`).expect(200);
      expect(refused.body.delivery).toMatchObject({ status: 'pending', responseStatus: 401 });
    } finally {
      receiver.stop();
    }
  });
});
