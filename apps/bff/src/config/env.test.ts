import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadEnv } from './env.js';

describe('configuration at start', () => {
  it('applies the documented defaults', () => {
    // The account name stays unset: the console is then `demo`, not yet named by anyone.
    expect(loadEnv({}).ROLEBRIDGE_ACCOUNT_NAME).toBeUndefined();
    expect(loadEnv({})).toMatchObject({
      PORT: 8080,
      HOST: '0.0.0.0',
      LOG_LEVEL: 'info',
      NODE_ENV: 'production',
      ROLEBRIDGE_DATA_DIR: './data',
      ROLEBRIDGE_AWS_MODE: 'sandbox',
      ROLEBRIDGE_SANDBOX_PORT: 4566,
      ROLEBRIDGE_SECURE_COOKIES: false,
      AWS_REGION: 'us-east-1',
    });
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['HOST', ''],
    ['LOG_LEVEL', 'verbose'],
    ['NODE_ENV', 'staging'],
    ['ROLEBRIDGE_ACCOUNT_NAME', 'Has Spaces'],
    ['ROLEBRIDGE_ADMIN_EMAIL', 'not-an-email'],
    ['ROLEBRIDGE_ADMIN_PASSWORD', 'short'],
    ['ROLEBRIDGE_AWS_MODE', 'localstack'],
    ['AWS_REGION', 'Frankfurt'],
    ['AWS_ENDPOINT_URL_STS', 'localhost:4566'],
    ['AWS_ENDPOINT_URL_IAM', 'not a url'],
    ['ROLEBRIDGE_SANDBOX_PORT', '-1'],
    ['ROLEBRIDGE_SANDBOX_PLATFORM_SECRET', 'x'],
    ['ROLEBRIDGE_SECURE_COOKIES', 'yes'],
  ])('refuses %s=%j, naming the variable', (name, value) => {
    expect(() => loadEnv({ [name]: value })).toThrow(
      new RegExp(`^Invalid configuration:\\n  ${name}: `),
    );
  });

  it('names every bad variable at once, and the real server stops with exit code 1', () => {
    const env = { PORT: 'eighty', LOG_LEVEL: 'verbose', ROLEBRIDGE_ADMIN_PASSWORD: 'short' };
    const message = (() => {
      try {
        loadEnv(env);
        return '';
      } catch (err) {
        return (err as Error).message;
      }
    })();
    for (const name of Object.keys(env)) expect(message).toContain(`  ${name}: `);

    const main = fileURLToPath(new URL('../main.ts', import.meta.url));
    const started = spawnSync(process.execPath, ['--import', 'tsx', main], {
      env: { PATH: process.env.PATH ?? '', ...env },
      encoding: 'utf8',
      timeout: 55_000,
    });
    expect(started.status).toBe(1);
    expect(started.stderr).toContain('Invalid configuration:');
    for (const name of Object.keys(env)) expect(started.stderr).toContain(`  ${name}: `);
    // Nothing started: no URL, no login printed.
    expect(started.stdout).toBe('');
  }, 60_000);
});
