import AxeBuilder from '@axe-core/playwright';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test as base } from './fixtures.js';
import { deleteRole } from './support/sandbox-aws.js';

interface SetupFixtures {
  /** A name unique to this test run, so tests neither collide nor depend on order. */
  unique: (prefix: string) => string;
  /** Integrations (by name) and sandbox roles (by name) to delete when the test ends. */
  cleanup: { integration(name: string): void; role(name: string): void };
}

export const test = base.extend<SetupFixtures>({
  // Playwright reads fixture dependencies from the destructuring pattern; this one needs none.
  // eslint-disable-next-line no-empty-pattern
  unique: async ({}, use, testInfo) => {
    const stamp = `${Date.now().toString(36)}${testInfo.workerIndex}`;
    let n = 0;
    await use((prefix) => `${prefix}-${stamp}-${n++}`);
  },
  cleanup: async ({ api }, use) => {
    const integrations: string[] = [];
    const roles: string[] = [];
    await use({ integration: (n) => integrations.push(n), role: (n) => roles.push(n) });
    for (const name of integrations) {
      const res = await api.get(`/api/integrations/aws?q=${encodeURIComponent(name)}`);
      const { items } = (await res.json()) as { items: { id: string; name: string }[] };
      for (const item of items.filter((i) => i.name === name))
        await api.delete(`/api/integrations/aws/${item.id}`);
    }
    roles.forEach(deleteRole);
  },
});

/** Fails on serious or critical axe violations, listing them so the report says what broke. */
export async function expectAccessible(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    `axe on ${what}`,
  ).toEqual([]);
}

const SCREENSHOTS = fileURLToPath(new URL('./artifacts/screenshots/', import.meta.url));

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}

export { expect };
