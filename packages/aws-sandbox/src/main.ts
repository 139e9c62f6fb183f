import type { SandboxKeys } from './accounts.js';
import { CUSTOMER_ACCOUNT_ID, PLATFORM_ACCOUNT_ID } from './accounts.js';
import { startSandbox } from './server.js';

// Standalone entry (`npm run sandbox`); the only file that reads the environment.
const env = process.env;

function fail(message: string): never {
  console.error(`aws-sandbox: ${message}`);
  process.exit(1);
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 4566;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    fail(`ROLEBRIDGE_SANDBOX_PORT must be a port number (0-65535), got "${value}"`);
  }
  return n;
}

const KEY_ENV: Record<keyof SandboxKeys, string> = {
  platformKeyId: 'ROLEBRIDGE_SANDBOX_PLATFORM_KEY_ID',
  platformSecret: 'ROLEBRIDGE_SANDBOX_PLATFORM_SECRET',
  adminKeyId: 'ROLEBRIDGE_SANDBOX_ADMIN_KEY_ID',
  adminSecret: 'ROLEBRIDGE_SANDBOX_ADMIN_SECRET',
  rootKeyId: 'ROLEBRIDGE_SANDBOX_ROOT_KEY_ID',
  rootSecret: 'ROLEBRIDGE_SANDBOX_ROOT_SECRET',
};

const keys: Partial<SandboxKeys> = {};
for (const [field, name] of Object.entries(KEY_ENV) as [keyof SandboxKeys, string][]) {
  const value = env[name];
  if (value !== undefined && value !== '') keys[field] = value;
}

const stateFile = env.ROLEBRIDGE_SANDBOX_STATE_FILE;
const sandbox = await startSandbox({
  host: env.ROLEBRIDGE_SANDBOX_HOST || '127.0.0.1',
  port: parsePort(env.ROLEBRIDGE_SANDBOX_PORT),
  keys,
  ...(stateFile ? { stateFile } : {}),
  faultControl: env.ROLEBRIDGE_SANDBOX_FAULT_CONTROL === '1',
  logger: {
    info: (obj) => console.log(JSON.stringify(obj)),
    error: (obj, msg) => console.error(msg ?? 'error', JSON.stringify(obj)),
  },
});

// Printing the keys is the point: they are local demo keys for `aws configure`.
const k = sandbox.keys;
console.log(`aws-sandbox listening on ${sandbox.url} (state: ${stateFile || 'memory only'})

  platform account ${PLATFORM_ACCOUNT_ID}, user rolebridge (the console's identity)
    AWS_ACCESS_KEY_ID=${k.platformKeyId}
    AWS_SECRET_ACCESS_KEY=${k.platformSecret}

  customer account ${CUSTOMER_ACCOUNT_ID}, user admin (create roles with the AWS CLI)
    AWS_ACCESS_KEY_ID=${k.adminKeyId}
    AWS_SECRET_ACCESS_KEY=${k.adminSecret}

  try: AWS_ACCESS_KEY_ID=${k.adminKeyId} AWS_SECRET_ACCESS_KEY=${k.adminSecret} \\
       aws --endpoint-url ${sandbox.url} --region us-east-1 sts get-caller-identity
`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void sandbox.close().then(() => process.exit(0));
  });
}
