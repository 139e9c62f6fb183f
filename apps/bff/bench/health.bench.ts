// bench:health — 1,000 integrations re-verified every 60 s by the health scheduler, in one
// process with its AWS sandbox on this machine. It prints:
//   - whether every integration was checked within the interval + 10 % of the start;
//   - API p99 (GET one integration and a list page, 4 connections) idle, then while the
//     scheduler runs, and their ratio (target: at most 1.5).
import { CreateRoleCommand } from '@aws-sdk/client-iam';
import autocannon from 'autocannon';
import { ulid } from 'ulid';
import { createIntegrationsRepository } from '../src/integrations/repository.js';
import { anyStackPolicy, startBff } from './harness.js';

const INTEGRATIONS = Number(process.env.BENCH_INTEGRATIONS ?? 1_000);
const INTERVAL_MS = Number(process.env.BENCH_INTERVAL_MS ?? 60_000);
const CONCURRENCY = Number(process.env.BENCH_HEALTH_CONCURRENCY ?? 4);
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
  const bff = await startBff('health', {}, { intervalMs: INTERVAL_MS, concurrency: CONCURRENCY });
  try {
    const role = await bff.iam.send(
      new CreateRoleCommand({ RoleName: 'bench-health', AssumeRolePolicyDocument: anyStackPolicy }),
    );
    const roleArn = role.Role?.Arn ?? '';
    // Rows as the app writes them, healthy from an earlier check; none scheduled yet, as after
    // an upgrade: the scheduler spreads them over one interval when it starts.
    const repo = createIntegrationsRepository(bff.db);
    const now = new Date().toISOString();
    const ids: string[] = [];
    await repo.transaction(async (trx) => {
      for (let i = 0; i < INTEGRATIONS; i++) {
        const id = ulid();
        ids.push(id);
        await repo.insert(
          trx,
          {
            id,
            name: `health-${String(i).padStart(4, '0')}`,
            space_id: 'root',
            role_arn: roleArn,
            assume_role_on_worker: 0,
            external_id: null,
            duration_seconds: 3600,
            region: null,
            autoattach_enabled: 0,
            created_at: now,
            updated_at: now,
            version: 1,
            last_verification: null,
            verification_run: null,
          },
          [],
        );
      }
    });
    const { cookie } = await bff.login();
    const paths = [
      ...ids.slice(0, 50).map((id) => `/api/integrations/aws/${id}`),
      '/api/integrations/aws?limit=50',
    ];
    console.log(
      `${INTEGRATIONS} integrations, interval ${INTERVAL_MS / 1000} s, ${CONCURRENCY} checks at once`,
    );
    const idle = await p99(bff.base, cookie, paths, IDLE_S);
    console.log(`idle:       p50 ${idle.p50} ms  p99 ${idle.p99} ms  ${idle.rps.toFixed(0)} req/s`);

    const started = Date.now();
    await bff.services.healthScheduler.start();
    const deadline = INTERVAL_MS * 1.1;
    const busy = await p99(bff.base, cookie, paths, Math.ceil(deadline / 1000));
    console.log(`scheduling: p50 ${busy.p50} ms  p99 ${busy.p99} ms  ${busy.rps.toFixed(0)} req/s`);

    const rows = await bff.db
      .selectFrom('integration_checks')
      .select(['integration_id', 'at'])
      .where('trigger', '=', 'scheduled')
      .execute();
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
    await bff.close();
  }
}

await main();
