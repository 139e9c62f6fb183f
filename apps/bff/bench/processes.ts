// Bench processes of their own, so the load generator, the console and the stand-in for AWS
// never share an event loop: a bench that ran them in one process would time its own client.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { DEFAULT_SANDBOX_KEYS } from '@rolebridge/aws-sandbox';
import { freePort } from '../src/test/replica-process.js';
import { anyStackPolicy } from './harness.js';

const children: ChildProcess[] = [];
let serverCpus: string | undefined;

/**
 * For benches that measure one server at a time: this process (the load generator) on CPU 0
 * and every process started after this on CPU 1, with taskset. On a shared two-core machine
 * the scheduler otherwise moves client and server between cores and the figures of
 * back-to-back runs differ by a third. Says what it did, for the bench to print.
 */
export function pinCpus(): string {
  if (process.platform !== 'linux' || availableParallelism() < 2) return 'processes not pinned';
  try {
    execFileSync('taskset', ['-a', '-p', '-c', '0', String(process.pid)], { stdio: 'ignore' });
  } catch {
    return 'processes not pinned (no taskset)';
  }
  serverCpus = '1';
  return 'load generator on CPU 0, servers on CPU 1';
}

/**
 * A TypeScript file run by tsx in production mode; killed by `stopAll`. With
 * BENCH_PROFILE=<dir>, each process that exits on its own writes a CPU profile there.
 */
export function spawnTs(script: string, args: string[], env: Record<string, string> = {}) {
  const profile = process.env.BENCH_PROFILE;
  const flags = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
  const argv = [...flags, '--import', 'tsx', script, ...args];
  const child = spawn(
    serverCpus ? 'taskset' : process.execPath,
    serverCpus ? ['-c', serverCpus, process.execPath, ...argv] : argv,
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production', ...env },
    },
  );
  children.push(child);
  return child;
}

/** A server process; resolves with the port it prints as `listening <port>`. */
export function startServer(
  script: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ port: number; child: ChildProcess }> {
  const child = spawnTs(script, args, env);
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      const port = /listening (\d+)/.exec(chunk.toString())?.[1];
      if (port) resolve({ port: Number(port), child });
    });
    child.once('exit', (code) => reject(new Error(`${args[0] ?? script} exited with ${code}`)));
  });
}

/** `npm run sandbox` on a free port: the stand-in for AWS that the console calls. */
export async function startStandaloneSandbox(): Promise<{ url: string; pid: number }> {
  const port = await freePort();
  const child = spawnTs(
    new URL('../../../packages/aws-sandbox/src/main.ts', import.meta.url).pathname,
    [],
    { ROLEBRIDGE_SANDBOX_PORT: String(port) },
  );
  child.stdout?.resume(); // a JSON line per call: read and dropped, or the pipe fills and stalls it
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    const up = await fetch(url, { method: 'POST' }).then(
      () => true,
      () => false,
    );
    if (up) return { url, pid: child.pid ?? 0 };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the sandbox did not start');
}

/** A role in the sandbox's customer account that any stack of account `demo` may assume. */
export async function createAnyStackRole(sandboxUrl: string, roleName: string): Promise<string> {
  const iam = new IAMClient({
    endpoint: sandboxUrl,
    region: 'us-east-1',
    credentials: {
      accessKeyId: DEFAULT_SANDBOX_KEYS.adminKeyId,
      secretAccessKey: DEFAULT_SANDBOX_KEYS.adminSecret,
    },
  });
  try {
    const role = await iam.send(
      new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: anyStackPolicy }),
    );
    return role.Role?.Arn ?? '';
  } finally {
    iam.destroy();
  }
}

export function stopAll() {
  for (const child of children) child.kill();
}
