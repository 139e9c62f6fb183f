// The console bench:health measures, in a process of its own: aws mode against a standalone
// sandbox (the SDK reads AWS_ENDPOINT_URL_STS), request logs at info level to a file as a
// production deployment keeps them, the page cache on as `npm start` has it. It prints
// "listening <port>"; SIGUSR2 starts the health scheduler, SIGTERM stops it and exits.
//   health-server <sqliteFile> <logFile> <intervalMs> <concurrency>
import { createApp } from '../src/app.js';
import { stsPlatformIdentity } from '../src/aws/platform-identity.js';
import { createStsClients } from '../src/aws/sts-clients.js';
import { systemClock } from '../src/clock.js';
import { migrateToLatest, openDatabase } from '../src/db/database.js';
import { createHttpServer } from '../src/http/server.js';
import { listIndexOf } from '../src/integrations/list-index.js';
import { logDestination } from '../src/logging/destination.js';
import { createLogger } from '../src/logging/logger.js';
import { admin } from './harness.js';

const [file = '', logFile = '', intervalMs = '60000', concurrency = '2'] = process.argv.slice(2);
const db = openDatabase(file);
const sts = createStsClients({ defaultRegion: 'us-east-1' });
const { app, services } = createApp({
  db,
  logger: createLogger('info', logDestination(logFile)),
  clock: systemClock,
  platform: stsPlatformIdentity(sts.forRegion(null)),
  aws: { sts },
  config: {
    mode: 'aws',
    secureCookies: false,
    health: { intervalMs: Number(intervalMs), concurrency: Number(concurrency) },
  },
});
await migrateToLatest(db);
await services.bootstrap({
  accountName: 'demo',
  adminEmail: admin.email,
  adminPassword: admin.password,
});
await listIndexOf(db).sync();
const server = createHttpServer(app).listen(0, '127.0.0.1', () =>
  process.stdout.write(`listening ${(server.address() as { port: number }).port}\n`),
);
process.on('SIGUSR2', () => {
  void services.healthScheduler.start().then(() => process.stdout.write('scheduling\n'));
});
process.once('SIGTERM', () => {
  void services.healthScheduler.stop().then(() => process.exit(0));
});
