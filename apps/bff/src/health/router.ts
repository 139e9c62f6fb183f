import { Router } from 'express';
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { PlatformIdentity } from '../aws/platform-identity.js';

export function healthRouter(db: Db, platform: PlatformIdentity) {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const database = await sql`SELECT 1`.execute(db).then(
      () => 'ok' as const,
      () => 'unavailable' as const,
    );
    const sts = (await platform.current()) ? ('ok' as const) : ('unavailable' as const);
    const ready = database === 'ok' && sts === 'ok';
    res
      .status(ready ? 200 : 503)
      .json({ status: ready ? 'ready' : 'not ready', checks: { database, sts } });
  });
  return router;
}
