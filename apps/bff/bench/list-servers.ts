// The three servers bench:list compares, each started in its own process so the load
// generator does not share an event loop with the server it measures.
//   bff <dataDir> | bff-uncached <dataDir> | express <bodyFile> | http <bodyFile>   → prints "listening <port>"
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import express from 'express';
import pino from 'pino';
import { createApp } from '../src/app.js';
import { staticPlatformIdentity } from '../src/aws/platform-identity.js';
import { createStsClients } from '../src/aws/sts-clients.js';
import { systemClock } from '../src/clock.js';
import { openDatabase } from '../src/db/database.js';
import { createLogger } from '../src/logging/logger.js';

const [mode, arg = ''] = process.argv.slice(2);
process.once('SIGTERM', () => process.exit(0));
const ready = (port: number) => process.stdout.write(`listening ${port}\n`);

if (mode === 'bff' || mode === 'bff-uncached') {
  // Request logs go to a file at info level, as a production deployment would keep them.
  const logger = createLogger(
    'info',
    pino.destination({ dest: join(arg, 'bff.log'), sync: false }),
  );
  const { app } = createApp({
    db: openDatabase(join(arg, 'rolebridge.db')),
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
  const server = app.listen(0, '127.0.0.1', () =>
    ready((server.address() as { port: number }).port),
  );
} else if (mode === 'express') {
  const body: unknown = JSON.parse(readFileSync(arg, 'utf8'));
  const app = express();
  app.get('/api/integrations/aws', (_req, res) => {
    res.json(body);
  });
  const server = app.listen(0, '127.0.0.1', () =>
    ready((server.address() as { port: number }).port),
  );
} else if (mode === 'http') {
  const bytes = readFileSync(arg);
  const server = createServer((_req, res) => {
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': bytes.length,
    });
    res.end(bytes);
  });
  server.listen(0, '127.0.0.1', () => ready((server.address() as { port: number }).port));
} else {
  throw new Error(`unknown mode ${mode}`);
}
