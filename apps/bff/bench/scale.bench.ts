// npm run bench:scale — issue 12's figures in one run, against a standalone sandbox process,
// for (a) one replica on SQLite, (b) one replica on PostgreSQL, (c) two replicas on that
// PostgreSQL behind a round-robin loopback proxy:
//   - list requests per second: distinct label pairs over 10,000 integrations, page cache off,
//     16 connections (autocannon, as bench:list);
//   - runs started per second: 100 stacks sharing one auto-attached integration, 16 at a time,
//     each configuration followed by where the machine's CPU went (cpu.ts).
// Needs BENCH_DATABASE_URL=postgres://… (each configuration gets a fresh schema in it).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SANDBOX_KEYS } from '@rolebridge/aws-sandbox';
import autocannon from 'autocannon';
import { createPostgresSchema } from '../src/test/test-database.js';
import { admin } from './harness.js';
import { createAnyStackRole, startServer, startStandaloneSandbox, stopAll } from './processes.js';
import { countCpu, describeCpu, pidsNamed } from './cpu.js';
import { random, seedIntegrations } from './seed.js';

const DATABASE_URL = process.env.BENCH_DATABASE_URL;
if (!DATABASE_URL) {
  console.error('bench:scale needs BENCH_DATABASE_URL=postgres://user:pass@host:5432/db');
  process.exit(1);
}
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = 16;
const STACKS = 100;
const SEED = { integrations: 10_000, labelsEach: 5, pool: 200 };
const ROUNDS = Number(process.env.BENCH_RUN_ROUNDS ?? 5);
const LIST_ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARM_UP_S = 2;
const dir = mkdtempSync(join(tmpdir(), 'rolebridge-bench-scale-'));
/** A bench process of scale-servers.ts; resolves with the port it prints once listening. */
const pids = new Map<number, number>(); // port → pid of the process listening there
const start = async (args: string[], env: Record<string, string> = {}) => {
  const { port, child } = await startServer(
    new URL('./scale-servers.ts', import.meta.url).pathname,
    args,
    env,
  );
  pids.set(port, child.pid ?? 0);
  return port;
};

const sandbox = await startStandaloneSandbox();
const sandboxUrl = sandbox.url;
// What the README's replica commands set: the SDK's own variables, the platform's demo keys.
const awsEnv = {
  AWS_REGION: 'us-east-1',
  AWS_ENDPOINT_URL_STS: sandboxUrl,
  AWS_ENDPOINT_URL_IAM: sandboxUrl,
  AWS_ACCESS_KEY_ID: DEFAULT_SANDBOX_KEYS.platformKeyId,
  AWS_SECRET_ACCESS_KEY: DEFAULT_SANDBOX_KEYS.platformSecret,
};
const base = (port: number) => `http://127.0.0.1:${port}`;

async function post(port: number, path: string, body: object, headers: Record<string, string>) {
  const res = await fetch(`${base(port)}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${text}`);
  return { json: JSON.parse(text) as Record<string, unknown>, res };
}

/** The admin's session, the shared auto-attached integration, 100 stacks and a worker token. */
async function prepareRuns(port: number, roleArn: string) {
  const { res } = await post(port, '/api/session', admin, {});
  const cookie = { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '' };
  await post(
    port,
    '/api/integrations/aws',
    {
      name: 'shared',
      spaceId: 'root',
      roleArn,
      labels: ['autoattach:bench'],
      autoattachEnabled: true,
    },
    cookie,
  );
  for (let i = 0; i < STACKS; i++)
    await post(
      port,
      '/api/stacks',
      { slug: `stack-${i}`, name: `Stack ${i}`, spaceId: 'root', labels: ['bench'] },
      cookie,
    );
  const token = (
    await post(port, '/api/tokens', { name: 'bench', role: 'worker', spaceId: 'root' }, cookie)
  ).json.token as string;
  return { cookie: cookie.cookie, worker: { authorization: `Bearer ${token}` } };
}

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  failed?: number;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] ?? 0;

/** Distinct label pairs in a fixed shuffled order: no two requests in a run ask the same page. */
function labelPairs(pool: string[]) {
  const pairs: string[] = [];
  for (let i = 0; i < pool.length; i++)
    for (let j = i + 1; j < pool.length; j++)
      pairs.push(
        `/api/integrations/aws?${new URLSearchParams([
          ['label', pool[i]!],
          ['label', pool[j]!],
          ['limit', '50'],
        ]).toString()}`,
      );
  const rand = random(12);
  for (let i = pairs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [pairs[i], pairs[j]] = [pairs[j]!, pairs[i]!];
  }
  return pairs;
}

async function listLoad(
  port: number,
  cookie: string,
  paths: string[],
  duration = DURATION_S,
): Promise<Figures> {
  let next = 0;
  const result = await autocannon({
    url: base(port),
    connections: CONNECTIONS,
    duration,
    headers: { cookie },
    requests: [{ setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length]! }) }],
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`list: ${result.non2xx} non-2xx, ${result.errors} errors; no figures`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

/**
 * Runs started by CONNECTIONS workers in a closed loop, as the list is measured, each taking
 * the next of the 100 stacks: ROUNDS × 100 runs. Runs that fail (STS timing out on a
 * saturated machine) are counted and printed, not timed.
 */
async function runsLoad(port: number, worker: Record<string, string>): Promise<Figures> {
  let failed = 0;
  const latencies: number[] = [];
  const startRun = async (i: number) => {
    const began = performance.now();
    const phase = i % 2 ? 'apply' : 'plan';
    try {
      await post(port, `/api/stacks/stack-${i % STACKS}/runs`, { phase }, worker);
      latencies.push(performance.now() - began);
    } catch {
      failed++;
    }
  };
  const drive = async (total: number) => {
    let next = 0;
    const loop = async () => {
      while (next < total) await startRun(next++);
    };
    await Promise.all(Array.from({ length: CONNECTIONS }, loop));
  };
  await drive(STACKS); // warm up
  failed = 0;
  latencies.length = 0;
  const began = performance.now();
  await drive(ROUNDS * STACKS);
  const seconds = (performance.now() - began) / 1000;
  return {
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    failed,
  };
}

const line = (name: string, f: Figures, unit: string) =>
  console.log(
    `  ${name.padEnd(34)} ${f.rps.toFixed(0).padStart(6)} ${unit}   p50 ${f.p50.toFixed(0).padStart(4)} ms   p99 ${f.p99.toFixed(0).padStart(4)} ms${f.failed ? `   ${f.failed} failed` : ''}`,
  );

try {
  const roleArn = await createAnyStackRole(sandboxUrl, 'bench-scale');

  const sqliteFile = join(dir, 'rolebridge.db');
  const postgres = await createPostgresSchema(DATABASE_URL);
  const seedStart = performance.now();
  // One after the other: SQLite's synchronous seeding would stall PostgreSQL's open transaction.
  const seeded = await seedIntegrations(sqliteFile, SEED);
  await seedIntegrations(postgres.location, SEED);
  console.log(
    `seeded 10,000 integrations (5 labels each from 200) in SQLite and PostgreSQL in ${((performance.now() - seedStart) / 1000).toFixed(0)} s; sandbox at ${sandboxUrl}`,
  );
  const paths = labelPairs(seeded.labels.pool);

  const sqlitePort = await start(['replica', sqliteFile, join(dir, 'a.log')], awsEnv);
  const [pg1, pg2] = await Promise.all([
    start(['replica', postgres.location, join(dir, 'b1.log')], awsEnv),
    start(['replica', postgres.location, join(dir, 'b2.log')], awsEnv),
  ]);
  // (b) and (c) both go through the same proxy, so c/b measures the second replica alone.
  const [soloProxy, proxyPort] = await Promise.all([
    start(['proxy', String(pg1)]),
    start(['proxy', String(pg1), String(pg2)]),
  ]);
  const onSqlite = await prepareRuns(sqlitePort, roleArn);
  const onPostgres = await prepareRuns(pg1, roleArn);
  console.log(
    `list: ${paths.length} distinct label pairs (?label=x&label=y&limit=50), page cache off, ${CONNECTIONS} connections, ${DURATION_S} s each in ${LIST_ROUNDS} rounds\n` +
      `runs: ${STACKS} stacks sharing one auto-attached integration, ${CONNECTIONS} at a time, ${ROUNDS * STACKS} runs\n` +
      `b/a compares one replica with one, both direct; c/b one with two, both behind the round-robin loopback proxy\n`,
  );

  // Printed as measured, so a later failure still leaves the earlier figures.
  const measure = async (name: string, unit: string, work: () => Promise<Figures>) => {
    const figures = await work();
    line(name, figures, unit);
    return figures;
  };
  // Every configuration warmed up (JIT, pools), then measured in interleaved rounds, so drift
  // on a shared machine hits them alike; the medians are printed, as bench:list does.
  const listConfigs = [
    ['a', '(a) one replica, SQLite', sqlitePort, onSqlite.cookie],
    ['b', '(b) one replica, PostgreSQL', pg1, onPostgres.cookie],
    ['bProxied', '(b) one replica, PostgreSQL, proxy', soloProxy, onPostgres.cookie],
    ['c', '(c) two replicas, PostgreSQL, proxy', proxyPort, onPostgres.cookie],
  ] as const;
  for (const [, , port, cookie] of listConfigs) await listLoad(port, cookie, paths, WARM_UP_S);
  const listRounds: Figures[][] = [];
  for (let r = 0; r < LIST_ROUNDS; r++) {
    const round: Figures[] = [];
    for (const [, , port, cookie] of listConfigs) round.push(await listLoad(port, cookie, paths));
    listRounds.push(round);
    console.log(`list round ${r + 1}: ${round.map((f) => f.rps.toFixed(0)).join(', ')} req/s`);
  }
  const medianOf = (i: number): Figures => {
    const of = (k: 'rps' | 'p50' | 'p99') => median(listRounds.map((round) => round[i]![k]));
    return { rps: of('rps'), p50: of('p50'), p99: of('p99') };
  };
  console.log('list requests (medians over the rounds)');
  const list = Object.fromEntries(
    listConfigs.map(([key, name], i) => {
      const figures = medianOf(i);
      line(name, figures, 'req/s ');
      return [key, figures];
    }),
  ) as Record<(typeof listConfigs)[number][0], Figures>;
  console.log('runs started');
  // Each followed by where its CPU went: c/b can only exceed 1 if (b) left a core idle.
  const withCpu = async (
    name: string,
    replicas: number[],
    port: number,
    worker: Record<string, string>,
  ) => {
    const counting = countCpu({
      replicas: () => replicas.map((p) => pids.get(p) ?? 0),
      PostgreSQL: () => pidsNamed('postgres'),
      sandbox: () => [sandbox.pid],
      'proxy and load generator': () => [
        ...(replicas.includes(port) ? [] : [pids.get(port) ?? 0]),
        process.pid,
      ],
    });
    const figures = await measure(name, 'runs/s', () => runsLoad(port, worker));
    if (counting) console.log(`    ${describeCpu(counting.stop())}`);
    return figures;
  };
  const runs = {
    a: await withCpu('(a) one replica, SQLite', [sqlitePort], sqlitePort, onSqlite.worker),
    b: await withCpu('(b) one replica, PostgreSQL, proxy', [pg1], soloProxy, onPostgres.worker),
    c: await withCpu(
      '(c) two replicas, PostgreSQL, proxy',
      [pg1, pg2],
      proxyPort,
      onPostgres.worker,
    ),
  };

  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  // Each ratio within a round, then the median: drift between rounds cancels out.
  const listRatio = (x: number, y: number) =>
    median(listRounds.map((round) => round[x]!.rps / round[y]!.rps));
  const listBa = listRatio(1, 0);
  const runsCb = runs.c.rps / runs.b.rps;
  const worstP99 = Math.max(
    ...[list.a, list.b, list.bProxied, list.c, runs.a, runs.b, runs.c].map((f) => f.p99),
  );
  console.log(`
ratios        b/a     c/b
  list     ${listBa.toFixed(2).padStart(6)}  ${listRatio(3, 2).toFixed(2).padStart(6)}
  runs     ${(runs.b.rps / runs.a.rps).toFixed(2).padStart(6)}  ${runsCb.toFixed(2).padStart(6)}

target: list b/a >= 0.5 → ${verdict(listBa >= 0.5)}
target: runs c/b >= 1.3 → ${verdict(runsCb >= 1.3)}
target: p99 < 100 ms everywhere → ${verdict(worstP99 < 100)} (worst ${worstP99.toFixed(0)} ms)`);
  await postgres.drop();
} finally {
  stopAll();
  rmSync(dir, { recursive: true, force: true });
}
