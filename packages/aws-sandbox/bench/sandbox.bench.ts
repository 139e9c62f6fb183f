import { fork, spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { DEFAULT_SANDBOX_KEYS, PLATFORM_ACCOUNT_ID } from '../src/accounts.js';
import type { LoadJob, LoadReport, LoadWindow } from './load-worker.js';

// `npm run bench:sandbox [-- --seconds N --clients N]`: signed AssumeRole through the JS SDK
// with 16 concurrent callers, against the sandbox and, when installed, against moto. Both
// servers run in their own process and face the identical load generator.

const CONCURRENCY = 16;
const secondsArg = process.argv.indexOf('--seconds');
const SECONDS = secondsArg === -1 ? 10 : Number(process.argv[secondsArg + 1] ?? 10);
const threadsArg = process.argv.indexOf('--clients');
const THREADS = threadsArg === -1 ? 2 : Number(process.argv[threadsArg + 1] ?? 2);
const WARMUP_MS = 1000;

const POLICY = (account: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Action: 'sts:AssumeRole',
        Condition: { StringLike: { 'sts:ExternalId': 'demo@*@stack-a@*' } },
        Effect: 'Allow',
        Principal: { AWS: account },
      },
    ],
  });

interface Target {
  name: string;
  url: string;
  roleArn: string;
  caller: { accessKeyId: string; secretAccessKey: string };
}

interface Result {
  name: string;
  ok: number;
  perSecond: number;
  p50: number;
  p99: number;
}

const percentile = (sorted: Float64Array, p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;

async function load(target: Target): Promise<Result> {
  const workers = Array.from({ length: THREADS }, (_, i) => {
    const job: LoadJob = {
      url: target.url,
      roleArn: target.roleArn,
      caller: target.caller,
      // 16 callers in all, spread over the threads.
      callers: Math.floor(CONCURRENCY / THREADS) + (i < CONCURRENCY % THREADS ? 1 : 0),
    };
    const worker = fork(fileURLToPath(new URL('./load-worker.ts', import.meta.url)), {
      execArgv: ['--import', 'tsx'],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'ignore', 'ipc'],
    });
    children.push(worker);
    worker.send(job);
    return worker;
  });
  await Promise.all(workers.map((w) => once(w, 'message')));
  const startAt = Date.now() + WARMUP_MS;
  const window: LoadWindow = { startAt, endAt: startAt + SECONDS * 1000 };
  const reports = await Promise.all(
    workers.map(async (w) => {
      w.send(window);
      const [report] = (await once(w, 'message')) as [LoadReport];
      w.kill();
      return report;
    }),
  );
  const latencies = Float64Array.from(reports.flatMap((r) => [...r.latencies])).sort();
  const errors = reports.reduce((n, r) => n + r.errors, 0);
  // A ratio over failed calls measures how fast errors come back, not AssumeRole: stop.
  if (errors > 0) {
    const first = reports.find((r) => r.firstError)?.firstError;
    throw new Error(
      `${target.name}: ${errors} of ${errors + latencies.length} AssumeRole calls failed (first: ${first}); no figures computed`,
    );
  }
  return {
    name: target.name,
    ok: latencies.length,
    perSecond: latencies.length / SECONDS,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

async function createRole(
  url: string,
  creds: Target['caller'],
  principal: string,
): Promise<string> {
  const iam = new IAMClient({ endpoint: url, region: 'us-east-1', credentials: creds });
  const out = await iam.send(
    new CreateRoleCommand({
      RoleName: 'rolebridge-bench',
      AssumeRolePolicyDocument: POLICY(principal),
    }),
  );
  iam.destroy();
  return out.Role?.Arn ?? '';
}

function stop(child: ChildProcess): void {
  if (child.exitCode === null && child.pid !== undefined) {
    // moto_server runs under a pyenv shim: signal the whole group we created.
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      child.kill('SIGTERM');
    }
  }
}

async function startSandboxProcess(): Promise<{ child: ChildProcess; url: string }> {
  const serve = fileURLToPath(new URL('./serve.ts', import.meta.url));
  const child = spawn(
    process.execPath,
    [...(process.env.BENCH_SERVER_ARGS ?? '').split(' ').filter(Boolean), '--import', 'tsx', serve],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      detached: true,
    },
  );
  const lines = createInterface({ input: child.stdout ?? process.stdin });
  for await (const line of lines) {
    const { url } = JSON.parse(line) as { url: string };
    return { child, url };
  }
  throw new Error('sandbox process exited before listening');
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });

async function startMoto(): Promise<{ child: ChildProcess; url: string } | undefined> {
  if (spawnSync('sh', ['-c', 'command -v moto_server']).status !== 0) return undefined;
  const port = await freePort();
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], {
    stdio: 'ignore',
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(`${url}/moto-api/`);
      return { child, url };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  stop(child);
  throw new Error('moto_server did not start within 20 s');
}

const children: ChildProcess[] = [];
process.once('exit', () => children.forEach(stop));

const results: Result[] = [];
const sandbox = await startSandboxProcess();
children.push(sandbox.child);
const admin = {
  accessKeyId: DEFAULT_SANDBOX_KEYS.adminKeyId,
  secretAccessKey: DEFAULT_SANDBOX_KEYS.adminSecret,
};
results.push(
  await load({
    name: 'aws-sandbox',
    url: sandbox.url,
    roleArn: await createRole(sandbox.url, admin, PLATFORM_ACCOUNT_ID),
    caller: {
      accessKeyId: DEFAULT_SANDBOX_KEYS.platformKeyId,
      secretAccessKey: DEFAULT_SANDBOX_KEYS.platformSecret,
    },
  }),
);
stop(sandbox.child);

const moto = await startMoto();
if (moto) {
  children.push(moto.child);
  const creds = { accessKeyId: 'testing', secretAccessKey: 'testing' };
  // moto's default account; it never checks the trust policy, so any principal passes.
  results.push(
    await load({
      name: 'moto',
      url: moto.url,
      roleArn: await createRole(moto.url, creds, '123456789012'),
      caller: creds,
    }),
  );
  stop(moto.child);
} else {
  console.log('moto_server not found on PATH: sandbox only');
}

console.log(
  `\nAssumeRole via @aws-sdk/client-sts: ${CONCURRENCY} concurrent callers in ${THREADS} processes, ${SECONDS} s\n`,
);
console.table(
  results.map((r) => ({
    target: r.name,
    'ok calls': r.ok,
    'req/s': Math.round(r.perSecond),
    'p50 ms': r.p50.toFixed(1),
    'p99 ms': r.p99.toFixed(1),
  })),
);
const [ours, theirs] = results;
if (ours && theirs) {
  const ratio = ours.perSecond / theirs.perSecond;
  console.log(
    `throughput: ${ratio.toFixed(1)}x moto (target >= 5x); p99 ${ours.p99.toFixed(1)} ms vs ${theirs.p99.toFixed(1)} ms`,
  );
}
process.exit(0);
