// The processes bench:scale measures, each on its own so no two share an event loop:
//   replica <database> <logFile>  → the console over a SQLite file or a postgres:// URL, in aws
//                                   mode (the SDK reads AWS_ENDPOINT_URL_STS: a standalone
//                                   sandbox), with the page cache off; prints "listening <port>"
//   proxy <port> <port> …         → round-robin over those replicas, one connection each
import { createConnection, createServer } from 'node:net';
import { createApp } from '../src/app.js';
import { stsPlatformIdentity } from '../src/aws/platform-identity.js';
import { createStsClients } from '../src/aws/sts-clients.js';
import { systemClock } from '../src/clock.js';
import { migrateToLatest, openDatabase, withStartupLock } from '../src/db/database.js';
import { createHttpServer } from '../src/http/server.js';
import { listIndexOf } from '../src/integrations/list-index.js';
import { logDestination } from '../src/logging/destination.js';
import { createLogger } from '../src/logging/logger.js';
import { admin } from './harness.js';

const [mode, ...args] = process.argv.slice(2);
process.once('SIGTERM', () => process.exit(0));
const ready = (port: number) => process.stdout.write(`listening ${port}\n`);

if (mode === 'replica') {
  const [database = '', logFile = ''] = args;
  const db = openDatabase(database);
  // As main.ts does it, but with the page cache off: the figures are the uncached path.
  const sts = createStsClients({ defaultRegion: 'us-east-1' });
  const { app, services } = createApp({
    db,
    // Request logs at info level to a file, as a production deployment keeps them.
    logger: createLogger('info', logDestination(logFile)),
    clock: systemClock,
    platform: stsPlatformIdentity(sts.forRegion(null)),
    aws: { sts },
    config: { mode: 'aws', secureCookies: false, cacheListPages: false },
  });
  await withStartupLock(db, async () => {
    await migrateToLatest(db);
    await services.bootstrap({
      accountName: 'demo',
      adminEmail: admin.email,
      adminPassword: admin.password,
    });
  });
  // As main.ts does: the index is read once before the server takes requests.
  await listIndexOf(db).sync();
  const server = createHttpServer(app).listen(0, '127.0.0.1', () =>
    ready((server.address() as { port: number }).port),
  );
} else if (mode === 'proxy') {
  // A layer-4 round robin in a dozen lines: each client connection goes to the next replica
  // and stays there (keep-alive), as a TCP load balancer does. No library is needed for that.
  const ports = args.map(Number);
  let next = 0;
  const server = createServer((client) => {
    const upstream = createConnection({ host: '127.0.0.1', port: ports[next++ % ports.length]! });
    client.pipe(upstream).pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  server.listen(0, '127.0.0.1', () => ready((server.address() as { port: number }).port));
} else {
  throw new Error(`unknown mode ${mode}`);
}
