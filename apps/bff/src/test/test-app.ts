import { Writable } from 'node:stream';
import { IAMClient } from '@aws-sdk/client-iam';
import { startSandbox, type Sandbox } from '@rolebridge/aws-sandbox';
import request from 'supertest';
import { createApp } from '../app.js';
import { stsPlatformIdentity } from '../aws/platform-identity.js';
import { createStsClients, type StsClientsOptions } from '../aws/sts-clients.js';
import { systemClock, type Clock } from '../clock.js';
import { migrateToLatest, openDatabase, type Db } from '../db/database.js';
import type { SchedulerOptions } from '../integration-health/scheduler.js';
import { createLogger } from '../logging/logger.js';
import { createTestDatabase } from './test-database.js';
import type { DeliveryPolicy } from '../webhooks/dispatcher.js';
import { newSecretsKey } from '../webhooks/secret-box.js';
import { defaultRetryPolicy, type RetryPolicy } from '../verification/retry.js';

export const ADMIN = { email: 'admin@example.com', password: 'correct horse battery staple' };

export interface TestAppOptions {
  /** Share one sandbox between apps (e.g. one with wrong platform keys). */
  sandbox?: Sandbox;
  platformCredentials?: { accessKeyId: string; secretAccessKey: string };
  /** Default: no AccessDenied retry, so tests of missing roles stay fast. */
  retry?: Partial<RetryPolicy>;
  requestTimeoutMs?: number;
  /** Send STS calls here instead of the sandbox (e.g. a closed port). */
  stsEndpoint?: string;
  instrument?: StsClientsOptions['instrument'];
  /** Default: the system clock. Tests move time with their own. */
  clock?: Clock;
  /** ROLEBRIDGE_ACCOUNT_NAME at first start; default unset. */
  accountName?: string;
  /** Webhook retry timing; default: quick retries, so tests need not wait minutes. */
  webhookDelivery?: Partial<DeliveryPolicy>;
  metricsToken?: string;
  /** Scheduled health checks; off unless given (each replica gets the same). */
  health?: SchedulerOptions;
}

const quickDeliveries: DeliveryPolicy = {
  pollMs: 200,
  timeoutMs: 2_000,
  backoffMs: [100, 200, 400],
};

/**
 * The real app over a real database (a SQLite file in a temp folder, or a PostgreSQL schema
 * of its own in the postgres test project) and a real AWS sandbox on a free port, with log
 * lines captured so tests can assert what never reaches them.
 */
export async function createTestApp(options: TestAppOptions = {}) {
  const database = await createTestDatabase();
  const db = openDatabase(database.location);
  await migrateToLatest(db);
  const ownSandbox = options.sandbox ? null : await startSandbox({ port: 0 });
  const sandbox = options.sandbox ?? ownSandbox!;
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(chunk.toString());
      done();
    },
  });
  // Every replica of one test app shares the key, as replicas share ROLEBRIDGE_SECRETS_KEY.
  const secretsKey = newSecretsKey();
  const adminCredentials = {
    accessKeyId: sandbox.keys.adminKeyId,
    secretAccessKey: sandbox.keys.adminSecret,
  };
  /** The app over `db`, as main.ts wires it; every replica sends its logs to `logLines`. */
  function wire(appDb: Db) {
    const sts = createStsClients({
      endpoint: options.stsEndpoint ?? sandbox.url,
      defaultRegion: 'us-east-1',
      credentials: options.platformCredentials ?? {
        accessKeyId: sandbox.keys.platformKeyId,
        secretAccessKey: sandbox.keys.platformSecret,
      },
      ...(options.requestTimeoutMs && { requestTimeoutMs: options.requestTimeoutMs }),
      ...(options.instrument && { instrument: options.instrument }),
    });
    const { app, services } = createApp({
      db: appDb,
      logger: createLogger('debug', sink),
      clock: options.clock ?? systemClock,
      platform: stsPlatformIdentity(sts.forRegion(null)),
      aws: {
        sts,
        sandbox: { url: sandbox.url, adminCredentials },
        retry: { ...defaultRetryPolicy, windowMs: 0, ...options.retry },
      },
      config: {
        mode: 'sandbox',
        secureCookies: false,
        secretsKey,
        webhookDelivery: { ...quickDeliveries, ...options.webhookDelivery },
        ...(options.metricsToken && { metricsToken: options.metricsToken }),
        ...(options.health && { health: options.health }),
      },
    });
    services.webhookDispatcher.start();
    return { app, services, sts };
  }
  const { app, services, sts } = wire(db);
  await services.bootstrap({
    // Unset, as by default: the account is `demo` and the LaunchPad's first step open.
    accountName: options.accountName,
    adminEmail: ADMIN.email,
    adminPassword: ADMIN.password,
  });
  /** The customer account's admin, to create and change roles as a customer would. */
  const iam = new IAMClient({
    endpoint: sandbox.url,
    region: 'us-east-1',
    credentials: adminCredentials,
    maxAttempts: 1,
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
    /** Where the data lives, for a second app on the same database (another replica). */
    dbLocation: database.location,
    services,
    logLines,
    sandbox,
    iam,
    loginAgent,
    /** Everything stored (the SQLite file and its WAL, or every row), to search for what must never be. */
    databaseText: () => database.text(),
    /**
     * Another replica in this process: its own database connection (pool), services and
     * memory, on the same database and sandbox. Closed with `close()` of its own.
     */
    replica() {
      const replicaDb = openDatabase(database.location);
      const replica = wire(replicaDb);
      return {
        app: replica.app,
        services: replica.services,
        async close() {
          await replica.services.healthScheduler.stop();
          await replica.services.webhookDispatcher.stop();
          await replica.services.background.stop();
          replica.sts.destroy();
          replica.services.sandbox.destroy();
          await replicaDb.destroy();
        },
      };
    },
    async close() {
      await services.healthScheduler.stop();
      await services.webhookDispatcher.stop();
      await services.background.stop();
      sts.destroy();
      iam.destroy();
      services.sandbox.destroy();
      await db.destroy();
      await ownSandbox?.close();
      await database.drop();
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
