import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { E2E_ADMIN } from './env.js';

// One data folder per run, shared with the workers through the environment.
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'rolebridge-e2e-'));
const PORT = Number(process.env.E2E_PORT ?? 8791);

// Debian's Chromium, with the flags that keep it from dialling out on a closed network.
const chromium = '/usr/bin/chromium';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: './artifacts/results',
  fullyParallel: false,
  workers: 1,
  // No retries, in CI either: a story that passes only on a second try is a failure.
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: process.env.CI
    ? [['list']]
    : [['list'], ['html', { outputFolder: './artifacts/report', open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      ...(existsSync(chromium) && { executablePath: chromium }),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    command: 'node apps/bff/dist/main.js',
    cwd: '..',
    url: `http://127.0.0.1:${PORT}/healthz`,
    timeout: 60_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ROLEBRIDGE_DATA_DIR: process.env.E2E_DATA_DIR,
      ROLEBRIDGE_ADMIN_EMAIL: E2E_ADMIN.email,
      ROLEBRIDGE_ADMIN_PASSWORD: E2E_ADMIN.password,
      ROLEBRIDGE_SANDBOX_PORT: String(PORT + 1),
      // Stories switch on an IAM propagation delay to watch the background retry.
      ROLEBRIDGE_SANDBOX_FAULT_CONTROL: 'true',
    },
  },
});
