// npm run bench:list — GET /api/integrations/aws?label=a&label=b&limit=50 on the real BFF
// (session auth, zod parsing, SQLite) against a minimal Express app and a bare node:http
// server answering the same bytes. 10,000 integrations, 5 labels each from a pool of 200.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { seedIntegrations } from './seed.js';

const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = 16;
const PATH = '/api/integrations/aws?label=a&label=b&limit=50';
const dir = mkdtempSync(join(tmpdir(), 'rolebridge-bench-'));
const children: ChildProcess[] = [];

function start(mode: string, arg: string): Promise<number> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', new URL('./list-servers.ts', import.meta.url).pathname, mode, arg],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const port = /listening (\d+)/.exec(chunk.toString())?.[1];
      if (port) resolve(Number(port));
    });
    child.once('exit', (code) => reject(new Error(`${mode} server exited with ${code}`)));
  });
}

async function load(name: string, port: number, headers: Record<string, string> = {}) {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${PATH}`,
    connections: CONNECTIONS,
    duration: DURATION_S,
    headers,
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { name, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

try {
  const seedStart = performance.now();
  const { admin } = await seedIntegrations(dir, { integrations: 10_000, labelsEach: 5, pool: 200 });
  console.log(
    `seeded 10,000 integrations in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
  );

  const bffPort = await start('bff', dir);
  const login = await fetch(`http://127.0.0.1:${bffPort}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const sample = await fetch(`http://127.0.0.1:${bffPort}${PATH}`, { headers: { cookie } });
  const body = await sample.text();
  const items = (JSON.parse(body) as { items: unknown[] }).items.length;
  if (items !== 50) throw new Error(`expected 50 items, got ${items}`);
  const bodyFile = join(dir, 'body.json');
  writeFileSync(bodyFile, body);
  console.log(
    `response: ${items} items, ${body.length} bytes; ${CONNECTIONS} connections, ${DURATION_S} s each\n`,
  );

  const [uncachedPort, expressPort, httpPort] = await Promise.all([
    start('bff-uncached', dir),
    start('express', bodyFile),
    start('http', bodyFile),
  ]);
  const a = await load('(a) Rolebridge BFF', bffPort, { cookie });
  // The same endpoint with the page cache off: every request runs auth, zod and SQLite.
  const a2 = await load("(a') BFF, no page cache", uncachedPort, { cookie });
  const b = await load('(b) minimal Express 5', expressPort);
  const c = await load('(c) bare node:http', httpPort);

  for (const r of [a, a2, b, c]) {
    console.log(
      `${r.name.padEnd(26)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${String(r.p50).padStart(3)} ms   p99 ${String(r.p99).padStart(3)} ms`,
    );
  }
  const ab = a.rps / b.rps;
  const pct = (x: number, y: number) => `${((x / y) * 100).toFixed(0)}%`;
  console.log(
    `\na/b = ${pct(a.rps, b.rps)}   a/c = ${pct(a.rps, c.rps)}   a'/b = ${pct(a2.rps, b.rps)}`,
  );
  console.log(
    `target: a/b >= 60% and p99(a) < 25 ms → ${ab >= 0.6 && a.p99 < 25 ? 'met' : 'NOT met'}`,
  );
} finally {
  for (const child of children) child.kill();
  rmSync(dir, { recursive: true, force: true });
}
