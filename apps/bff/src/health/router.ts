import { Router } from 'express';
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { StsCheck } from './sts-check.js';

const READY_TIMEOUT_MS = 2_000;

export function healthRouter(db: Db, sts: StsCheck) {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    // A round trip through the pool: a replica whose pool cannot hand out a connection
    // soon (PostgreSQL down, every connection stuck) is not ready for traffic.
    const [database, stsState] = await Promise.all([
      Promise.race([
        sql`SELECT 1`.execute(db).then(() => 'ok' as const),
        new Promise<never>((_, reject) => setTimeout(reject, READY_TIMEOUT_MS).unref()),
      ]).catch(() => 'unavailable' as const),
      sts.check(),
    ]);
    const checks = { database, sts: stsState.ok ? ('ok' as const) : ('unavailable' as const) };
    res.set('Cache-Control', 'no-store');
    if (database === 'ok' && stsState.ok) {
      res.json({ status: 'ready', checks });
      return;
    }
    const failing = [
      ...(database === 'ok' ? [] : ['database: no answer']),
      ...(stsState.ok ? [] : [`sts: ${stsState.reason}`]),
    ];
    res
      .status(503)
      .type('application/problem+json')
      .json({
        type: 'https://rolebridge.dev/problems/not_ready',
        title: 'Not ready',
        status: 503,
        detail: failing.join('; '),
        code: 'not_ready',
        checks,
      });
  });
  return router;
}
