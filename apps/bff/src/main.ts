import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSandbox, type SandboxKeys } from '@rolebridge/aws-sandbox';
import { createApp } from './app.js';
import { stsPlatformIdentity } from './aws/platform-identity.js';
import { createStsClients } from './aws/sts-clients.js';
import { systemClock } from './clock.js';
import { loadEnv } from './config/env.js';
import { resolveSecretsKey } from './config/secrets-key.js';
import { checkpointInBackground } from './db/checkpointer.js';
import { migrateToLatest, openDatabase, withStartupLock } from './db/database.js';
import { createHttpServer } from './http/server.js';
import { listIndexOf } from './integrations/list-index.js';
import { logDestination } from './logging/destination.js';
import { createLogger } from './logging/logger.js';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function main() {
  let env;
  try {
    env = loadEnv();
  } catch (err) {
    fail((err as Error).message);
  }
  const logger = createLogger(env.LOG_LEVEL, logDestination(1));
  const dataDir = resolve(env.ROLEBRIDGE_DATA_DIR);
  const db = openDatabase(env.DATABASE_URL ?? join(dataDir, 'rolebridge.db'), {
    max: env.ROLEBRIDGE_DB_POOL_MAX,
    onError: (err) => logger.warn({ err }, 'database connection lost; the pool replaces it'),
  });

  const secrets = resolveSecretsKey(env, dataDir);
  if (!secrets.key)
    logger.warn('ROLEBRIDGE_SECRETS_KEY is not set: webhooks cannot be created on PostgreSQL');

  const keys: Partial<SandboxKeys> = {
    ...(env.ROLEBRIDGE_SANDBOX_PLATFORM_KEY_ID && {
      platformKeyId: env.ROLEBRIDGE_SANDBOX_PLATFORM_KEY_ID,
    }),
    ...(env.ROLEBRIDGE_SANDBOX_PLATFORM_SECRET && {
      platformSecret: env.ROLEBRIDGE_SANDBOX_PLATFORM_SECRET,
    }),
    ...(env.ROLEBRIDGE_SANDBOX_ADMIN_KEY_ID && { adminKeyId: env.ROLEBRIDGE_SANDBOX_ADMIN_KEY_ID }),
    ...(env.ROLEBRIDGE_SANDBOX_ADMIN_SECRET && {
      adminSecret: env.ROLEBRIDGE_SANDBOX_ADMIN_SECRET,
    }),
  };
  const sandbox =
    env.ROLEBRIDGE_AWS_MODE === 'sandbox'
      ? await startSandbox({
          host: '127.0.0.1',
          port: env.ROLEBRIDGE_SANDBOX_PORT,
          keys,
          stateFile: join(dataDir, 'sandbox-state.json'),
          faultControl: env.ROLEBRIDGE_SANDBOX_FAULT_CONTROL,
        })
      : null;
  const sts = createStsClients(
    sandbox
      ? {
          endpoint: sandbox.url,
          defaultRegion: 'us-east-1',
          credentials: {
            accessKeyId: sandbox.keys.platformKeyId,
            secretAccessKey: sandbox.keys.platformSecret,
          },
        }
      : { defaultRegion: env.AWS_REGION },
  );

  const webDistDir = fileURLToPath(new URL('../../web/dist', import.meta.url));
  const { app, services } = createApp({
    db,
    logger,
    clock: systemClock,
    platform: stsPlatformIdentity(sts.forRegion(null)),
    aws: {
      sts,
      ...(sandbox && {
        sandbox: {
          url: sandbox.url,
          adminCredentials: {
            accessKeyId: sandbox.keys.adminKeyId,
            secretAccessKey: sandbox.keys.adminSecret,
          },
        },
      }),
    },
    config: {
      mode: env.ROLEBRIDGE_AWS_MODE,
      secureCookies: env.ROLEBRIDGE_SECURE_COOKIES,
      webDistDir,
      exposeErrors: env.NODE_ENV === 'development',
      secretsKey: secrets.key,
      ...(env.ROLEBRIDGE_METRICS_TOKEN && { metricsToken: env.ROLEBRIDGE_METRICS_TOKEN }),
      health: {
        intervalMs: env.ROLEBRIDGE_HEALTH_INTERVAL,
        concurrency: env.ROLEBRIDGE_HEALTH_CONCURRENCY,
      },
    },
  });
  // Replicas starting together take turns: the first migrates and creates the admin.
  const admin = await withStartupLock(db, async () => {
    await migrateToLatest(db);
    return services.bootstrap({
      accountName: env.ROLEBRIDGE_ACCOUNT_NAME,
      adminEmail: env.ROLEBRIDGE_ADMIN_EMAIL,
      adminPassword: env.ROLEBRIDGE_ADMIN_PASSWORD,
    });
  });

  // Due checks are spread out first: a restart never fires every overdue check at once.
  await services.healthScheduler.start();
  services.webhookDispatcher.start();
  // The first list request would otherwise pay for reading every integration (decision 012).
  await listIndexOf(db).sync();
  // A commit that checkpoints SQLite's log holds up every request for two disk syncs.
  checkpointInBackground(db, { logger });

  const server = createHttpServer(app).listen(env.PORT, env.HOST, () => {
    // The bound port, not the configured one: PORT=0 picks a free port.
    const url = `http://localhost:${(server.address() as AddressInfo).port}`;
    const lines = [
      ``,
      `  Rolebridge is running at ${url}`,
      `  AWS mode: ${env.ROLEBRIDGE_AWS_MODE}`,
    ];
    if (env.ROLEBRIDGE_AWS_MODE === 'aws' && env.AWS_ENDPOINT_URL_STS) {
      lines.push(`  STS endpoint: ${env.AWS_ENDPOINT_URL_STS} (AWS_ENDPOINT_URL_STS)`);
    }
    lines.push(`  Database: ${env.DATABASE_URL ? 'PostgreSQL' : `SQLite in ${dataDir}`}`);
    if (admin?.generatedPassword) {
      // Printed once, on the first start only: it is stored hashed and never shown again.
      lines.push(
        `  First admin: ${admin.email} / ${admin.generatedPassword}  (shown once: save it now)`,
      );
    } else if (admin) {
      lines.push(`  First admin: ${admin.email} (password from ROLEBRIDGE_ADMIN_PASSWORD)`);
    }
    if (sandbox) {
      lines.push(
        `  AWS sandbox: ${sandbox.url}`,
        `  Customer account 222222222222, user admin, for the AWS CLI:`,
        `    AWS_ACCESS_KEY_ID=${sandbox.keys.adminKeyId} AWS_SECRET_ACCESS_KEY=${sandbox.keys.adminSecret} \\`,
        `    /usr/bin/aws --endpoint-url ${sandbox.url} --region us-east-1 iam list-roles`,
      );
    }
    process.stdout.write(`${lines.join('\n')}\n\n`);
  });
  server.on('error', (err) => fail(`Cannot listen on ${env.HOST}:${env.PORT}: ${err.message}`));

  const shutdown = () => {
    server.close();
    void services.healthScheduler
      .stop()
      .then(() => Promise.all([services.background.stop(), services.webhookDispatcher.stop()]))
      .then(() => {
        sts.destroy();
        services.sandbox.destroy();
        return Promise.all([sandbox?.close(), db.destroy()]);
      })
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((err: unknown) =>
  fail(`Rolebridge failed to start: ${(err as Error).stack ?? String(err)}`),
);
