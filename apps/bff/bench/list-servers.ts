// The servers bench:list compares, each started in its own process so the load generator
// does not share an event loop with the server it measures.
//   bff <dataDir> | bff-uncached <dataDir> | floor <bodiesFile>   → prints "listening <port>"
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import express from 'express';
import { createApp } from '../src/app.js';
import { staticPlatformIdentity } from '../src/aws/platform-identity.js';
import { createStsClients } from '../src/aws/sts-clients.js';
import { systemClock } from '../src/clock.js';
import { checkpointInBackground } from '../src/db/checkpointer.js';
import { openDatabase } from '../src/db/database.js';
import { createHttpServer } from '../src/http/server.js';
import { listIndexOf } from '../src/integrations/list-index.js';
import { logDestination } from '../src/logging/destination.js';
import { createLogger } from '../src/logging/logger.js';

const [mode, arg = ''] = process.argv.slice(2);
process.once('SIGTERM', () => process.exit(0));
const ready = (port: number) => process.stdout.write(`listening ${port}\n`);

if (mode === 'bff' || mode === 'bff-uncached') {
  // Request logs go to a file at info level, written as main.ts writes them to standard
  // output (in batches, logging/destination.ts), as a production deployment would keep them.
  const logger = createLogger('info', logDestination(join(arg, 'bff.log')));
  const db = openDatabase(join(arg, 'rolebridge.db'));
  const { app } = createApp({
    db,
    logger,
    clock: systemClock,
    platform: staticPlatformIdentity({
      accountId: '111111111111',
      arn: 'arn:aws:iam::111111111111:user/rolebridge',
    }),
    // Never called here: nothing in this app verifies a role.
    aws: { sts: createStsClients({ defaultRegion: 'us-east-1', endpoint: 'http://127.0.0.1:9' }) },
    config: { mode: 'sandbox', secureCookies: false, cacheListPages: mode === 'bff' },
  });
  // As main.ts does: the index is read once before the server takes requests, and SQLite's
  // log is checkpointed on a thread of its own.
  await listIndexOf(db).sync();
  checkpointInBackground(db, { logger });
  const server = createHttpServer(app).listen(0, '127.0.0.1', () =>
    ready((server.address() as { port: number }).port),
  );
} else if (mode === 'floor') {
  // The framework floor: Express with the console's settings (no ETag, no X-Powered-By)
  // sending, for each request, the bytes the console answered to it, already serialised.
  const { pages, write } = JSON.parse(readFileSync(arg, 'utf8')) as {
    pages: Record<string, string>;
    write: string;
  };
  const bodies = new Map(Object.entries(pages));
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  // `x-bench-spin-us` makes a request cost that much CPU first: the floor slowed evenly to
  // the console's rate, to tell the latency that rate brings from the console's own.
  app.use((req, _res, next) => {
    const end = performance.now() + Number(req.get('x-bench-spin-us') ?? 0) / 1000;
    while (performance.now() < end);
    next();
  });
  app.get('/api/integrations/aws', (req, res) => {
    res.type('json').send(bodies.get(req.url));
  });
  app.patch('/api/integrations/aws/:id', (_req, res) => {
    res.type('json').send(write);
  });
  const server = createHttpServer(app).listen(0, '127.0.0.1', () =>
    ready((server.address() as { port: number }).port),
  );
} else {
  throw new Error(`unknown mode ${mode}`);
}
