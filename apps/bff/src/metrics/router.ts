import { Router } from 'express';
import { constantTimeEqual, sha256 } from '../auth/crypto.js';
import { NotAuthenticated } from '../http/errors.js';
import type { Metrics } from './registry.js';

/**
 * `GET /metrics` in the Prometheus text format. Open unless ROLEBRIDGE_METRICS_TOKEN is set;
 * then a scraper sends it as a bearer token. Hashing both sides first makes the compare
 * constant-time whatever the lengths.
 */
export function metricsRouter(metrics: Metrics, token: string | undefined) {
  const router = Router();
  router.get('/metrics', async (req, res) => {
    if (token !== undefined) {
      const sent = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1] ?? '';
      if (!constantTimeEqual(sha256(sent), sha256(token))) {
        res.set('WWW-Authenticate', 'Bearer realm="metrics"');
        throw new NotAuthenticated('metrics_token', 'Send the metrics token as a bearer token');
      }
    }
    res
      .set('Content-Type', metrics.registry.contentType)
      .set('Cache-Control', 'no-store')
      .send(await metrics.registry.metrics());
  });
  return router;
}
