import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import request from 'supertest';
import { createApp } from '../app.js';
import { staticPlatformIdentity } from '../aws/platform-identity.js';
import { systemClock } from '../clock.js';
import { migrateToLatest, openDatabase } from '../db/database.js';
import { createLogger } from '../logging/logger.js';

export const ADMIN = { email: 'admin@example.com', password: 'correct horse battery staple' };

/**
 * The real app over a real SQLite file in a temp folder, with log lines captured so tests
 * can assert what never reaches them.
 */
export async function createTestApp() {
  const dir = mkdtempSync(join(tmpdir(), 'rolebridge-test-'));
  const dbFile = join(dir, 'rolebridge.db');
  const db = openDatabase(dbFile);
  await migrateToLatest(db);
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(chunk.toString());
      done();
    },
  });
  const { app, services } = createApp({
    db,
    logger: createLogger('debug', sink),
    clock: systemClock,
    platform: staticPlatformIdentity({
      accountId: '111111111111',
      arn: 'arn:aws:iam::111111111111:user/rolebridge',
    }),
    config: { mode: 'sandbox', secureCookies: false },
  });
  await services.bootstrap({
    accountName: 'demo',
    adminEmail: ADMIN.email,
    adminPassword: ADMIN.password,
  });

  /** A supertest agent holding an admin session cookie. */
  async function loginAgent(credentials = ADMIN) {
    const agent = request.agent(app);
    await agent.post('/api/session').send(credentials).expect(200);
    return agent;
  }

  return {
    app,
    db,
    dbFile,
    services,
    logLines,
    loginAgent,
    async close() {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
