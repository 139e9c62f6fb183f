import { Router } from 'express';
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { PlatformIdentity } from '../aws/platform-identity.js';

const READY_TIMEOUT_MS = 2_000;

export function healthRouter(db: Db, platform: PlatformIdentity) {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    // A round trip through the pool: a replica whose pool cannot hand out a connection
    // soon (PostgreSQL down, every connection stuck) is not ready for traffic.
    const database = await Promise.race([
      sql`SELECT 1`.execute(db).then(() => 'ok' as const),
      new Promise<never>((_, reject) => setTimeout(reject, READY_TIMEOUT_MS).unref()),
    ]).catch(() => 'unavailable' as const);
    const sts = (await platform.current()) ? ('ok' as const) : ('unavailable' as const);
    const ready = database === 'ok' && sts === 'ok';
    res
      .status(ready ? 200 : 503)
      .json({ status: ready ? 'ready' : 'not ready', checks: { database, sts } });
  });
  return router;
}
