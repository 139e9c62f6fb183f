// bench:health — 1,000 integrations re-verified every 60 s by the health scheduler. The
// console, the AWS sandbox and the load generator each run in a process of their own, as in
// production AWS is elsewhere and the clients too. It prints:
//   - whether every integration was checked within the interval + 10 % of the start;
//   - API p99 (GET one integration and a list page, 4 connections) idle after a 5 s warm-up,
//     then while the scheduler runs, and their ratio (target: at most 1.5).
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SANDBOX_KEYS } from '@rolebridge/aws-sandbox';
import autocannon from 'autocannon';
import { openDatabase } from '../src/db/database.js';
import { createIntegrationsRepository } from '../src/integrations/repository.js';
import { integrationRow } from '../src/test/integration-row.js';
import { admin } from './harness.js';
import { createAnyStackRole, startServer, startStandaloneSandbox, stopAll } from './processes.js';

const INTEGRATIONS = Number(process.env.BENCH_INTEGRATIONS ?? 1_000);
const INTERVAL_MS = Number(process.env.BENCH_INTERVAL_MS ?? 60_000);
const CONCURRENCY = Number(process.env.BENCH_HEALTH_CONCURRENCY ?? 2);
const WARM_UP_S = 5;
const IDLE_S = 20;
const CONNECTIONS = 4;

async function p99(base: string, cookie: string, paths: string[], seconds: number) {
  let next = 0;
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { cookie },
    requests: [{ setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length]! }) }],
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${result.non2xx} non-2xx, ${result.errors} errors; no figures`);
  return { p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'rolebridge-bench-health-'));
  try {
    const { url: sandboxUrl } = await startStandaloneSandbox();
    const roleArn = await createAnyStackRole(sandboxUrl, 'bench-health');
    const file = join(dir, 'rolebridge.db');
    const { port, child } = await startServer(
      new URL('./health-server.ts', import.meta.url).pathname,
      [file, join(dir, 'requests.log'), String(INTERVAL_MS), String(CONCURRENCY)],
      {
        AWS_REGION: 'us-east-1',
        AWS_ENDPOINT_URL_STS: sandboxUrl,
        AWS_ACCESS_KEY_ID: DEFAULT_SANDBOX_KEYS.platformKeyId,
        AWS_SECRET_ACCESS_KEY: DEFAULT_SANDBOX_KEYS.platformSecret,
      },
    );
    const base = `http://127.0.0.1:${port}`;

    // Rows as the app writes them, healthy from an earlier check; none scheduled yet, as after
    // an upgrade: the scheduler spreads them over one interval when it starts.
    const db = openDatabase(file);
    const repo = createIntegrationsRepository(db);
    const ids: string[] = [];
    await repo.transaction(async (trx) => {
      for (let i = 0; i < INTEGRATIONS; i++) {
        const row = integrationRow(`health-${String(i).padStart(4, '0')}`, {
          role_arn: roleArn,
        });
        ids.push(row.id);
        await repo.insert(trx, row, []);
      }
    });
    const session = await fetch(`${base}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(admin),
    });
    const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const paths = [
      ...ids.slice(0, 50).map((id) => `/api/integrations/aws/${id}`),
      '/api/integrations/aws?limit=50',
    ];
    console.log(
      `${INTEGRATIONS} integrations, interval ${INTERVAL_MS / 1000} s, ${CONCURRENCY} checks at once`,
    );
    await p99(base, cookie, paths, WARM_UP_S); // JIT and the list index's first read, unmeasured
    const idle = await p99(base, cookie, paths, IDLE_S);
    console.log(`idle:       p50 ${idle.p50} ms  p99 ${idle.p99} ms  ${idle.rps.toFixed(0)} req/s`);

    const started = Date.now();
    child.kill('SIGUSR2');
    const deadline = INTERVAL_MS * 1.1;
    const busy = await p99(base, cookie, paths, Math.ceil(deadline / 1000));
    console.log(`scheduling: p50 ${busy.p50} ms  p99 ${busy.p99} ms  ${busy.rps.toFixed(0)} req/s`);
    child.kill('SIGTERM');
    await once(child, 'exit');

    const rows = await db
      .selectFrom('integration_checks')
      .select(['integration_id', 'at'])
      .where('trigger', '=', 'scheduled')
      .execute();
    await db.destroy();
    const first = new Map<string, number>();
    for (const r of rows) {
      const at = Date.parse(r.at) - started;
      first.set(r.integration_id, Math.min(at, first.get(r.integration_id) ?? Infinity));
    }
    const inTime = ids.filter((id) => (first.get(id) ?? Infinity) <= deadline).length;
    const latest = Math.max(...ids.map((id) => first.get(id) ?? Infinity));
    console.log(
      `checked within ${deadline / 1000} s: ${inTime} of ${INTEGRATIONS} (${rows.length} scheduled checks, last first check at ${(latest / 1000).toFixed(1)} s) — ${inTime === INTEGRATIONS ? 'met' : 'NOT met'}`,
    );
    const ratio = busy.p99 / Math.max(idle.p99, 1);
    console.log(
      `API p99 while scheduling / idle: ${ratio.toFixed(2)}× (target ≤ 1.5×) — ${ratio <= 1.5 ? 'met' : 'NOT met'}`,
    );
  } finally {
    stopAll();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
