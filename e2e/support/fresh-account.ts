import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { E2E_ADMIN } from '../env.js';
import { logIn } from '../fixtures.js';
import { expect, test as base } from '../setup-fixtures.js';

// A console of its own, for stories about what a new account sees: the shared e2e server
// already holds whatever earlier stories created (integrations, accepted invites).
const PORT = Number(process.env.E2E_PORT ?? 8791) + 2;
const ROOT = new URL('../../', import.meta.url).pathname;

export interface FreshAccount {
  baseURL: string;
  /** A page in its own browser context, logged in as the fresh console's admin. */
  adminPage: Page;
  browser: Browser;
}

async function waitUntilUp(url: string, exited: () => boolean): Promise<void> {
  for (let i = 0; i < 300 && !exited(); i++) {
    const up = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the fresh console did not answer ${url}`);
}

export const test = base.extend<{
  fresh: FreshAccount;
  /** More environment for the fresh console (e.g. a short ROLEBRIDGE_HEALTH_INTERVAL). */
  freshEnv: Record<string, string>;
}>({
  freshEnv: [{}, { option: true }],
  fresh: async ({ browser, freshEnv }, use, testInfo) => {
    // Starting a console of its own takes seconds on a busy machine: not the story's time.
    testInfo.setTimeout(testInfo.timeout + 60_000);
    const dataDir = mkdtempSync(join(tmpdir(), 'rolebridge-e2e-fresh-'));
    const server = spawn('node', ['apps/bff/dist/main.js'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        PORT: String(PORT),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        ROLEBRIDGE_DATA_DIR: dataDir,
        ROLEBRIDGE_ADMIN_EMAIL: E2E_ADMIN.email,
        ROLEBRIDGE_ADMIN_PASSWORD: E2E_ADMIN.password,
        ROLEBRIDGE_SANDBOX_PORT: String(PORT + 1),
        ...freshEnv,
      },
    });
    let exited = false;
    const done = new Promise((resolve) => server.once('exit', resolve));
    void done.then(() => (exited = true));
    const baseURL = `http://127.0.0.1:${PORT}`;
    try {
      await waitUntilUp(`${baseURL}/healthz`, () => exited);
      const context = await browser.newContext({ baseURL });
      const adminPage = await context.newPage();
      await logIn(adminPage, E2E_ADMIN.email, E2E_ADMIN.password);
      // A new console's first page load can be slow; the story starts once it is in.
      await expect(adminPage.getByRole('heading', { name: 'LaunchPad', level: 1 })).toBeVisible({
        timeout: 30_000,
      });
      await use({ baseURL, adminPage, browser });
      await context.close();
    } finally {
      server.kill('SIGTERM');
      await done;
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
});

export { expect };
