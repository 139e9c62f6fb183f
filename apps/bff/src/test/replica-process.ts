import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Sandbox } from '@rolebridge/aws-sandbox';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));

/** A port nobody listens on right now, for a replica that must come back on the same one. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * `main.ts` in a process of its own, as the README's "Running several replicas" starts it: aws
 * mode against a standalone sandbox through the SDK's standard endpoint variables, PostgreSQL
 * through DATABASE_URL. Resolves once it answers /readyz.
 */
export async function startReplica(opts: {
  port: number;
  databaseUrl: string;
  sandbox: Sandbox;
  dataDir: string;
  adminPassword: string;
}) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: opts.dataDir,
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      AWS_EC2_METADATA_DISABLED: 'true',
      PORT: String(opts.port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATABASE_URL: opts.databaseUrl,
      ROLEBRIDGE_DATA_DIR: opts.dataDir,
      ROLEBRIDGE_ADMIN_PASSWORD: opts.adminPassword,
      ROLEBRIDGE_AWS_MODE: 'aws',
      AWS_REGION: 'us-east-1',
      AWS_ENDPOINT_URL_STS: opts.sandbox.url,
      AWS_ENDPOINT_URL_IAM: opts.sandbox.url,
      AWS_ACCESS_KEY_ID: opts.sandbox.keys.platformKeyId,
      AWS_SECRET_ACCESS_KEY: opts.sandbox.keys.platformSecret,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${opts.port}`;
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`replica on ${opts.port} exited:\n${output}`);
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`replica on ${opts.port} not ready:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    output: () => output,
    /** What an OOM killer or a pulled plug does: no shutdown handler runs. */
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

export type ReplicaProcess = Awaited<ReturnType<typeof startReplica>>;
