import type { Page } from '@playwright/test';
import { expect, test } from './setup-fixtures.js';

// An iPhone 12–15 sized screen: 390 CSS pixels wide.
test.use({ viewport: { width: 390, height: 844 } });
// Seven pages and five wizard steps; a busy machine needs more than the default 30 s.
test.describe.configure({ timeout: 90_000 });

/** What a person notices: the page can be dragged sideways when it is wider than the screen. */
async function expectNoSidewaysScroll(page: Page, what: string) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${what} is ${width} px wide on a 390 px screen`).toBeLessThanOrEqual(390);
}

const wizardSteps = [
  'Create a role in AWS',
  'Configure trust policy',
  'Configure role permissions',
  'Copy the role ARN',
  'Create the cloud integration',
];

test('on a 390 px phone nothing scrolls sideways and every section is one tap away', async ({
  adminPage: page,
  api,
  unique,
}) => {
  const name = unique('phone-int');
  const { id } = await api.seedIntegration({ name, labels: ['team:phone', 'env:production'] });
  const slug = unique('phone-stack');
  const created = await api.post('/api/stacks', {
    data: { slug, name: unique('A stack with a fairly long name'), spaceId: 'root' },
  });
  expect(created.status()).toBe(201);

  try {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Get started checklist' })).toBeVisible();
    await expectNoSidewaysScroll(page, 'LaunchPad');

    // The main navigation reaches every section by tapping, not by scrolling a hidden strip.
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const section of ['LaunchPad', 'Integrations', 'Stacks', 'Settings'])
      await expect(nav.getByRole('link', { name: section })).toBeInViewport({ ratio: 1 });
    await nav.getByRole('link', { name: 'Stacks' }).click();
    await expect(page).toHaveURL(/\/stacks$/);
    await expect(page.getByRole('heading', { name: 'Stacks', level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page, 'stacks list');
    await nav.getByRole('link', { name: 'Settings' }).click();
    await expect(page).toHaveURL(/\/settings$/);
    await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
    await nav.getByRole('link', { name: 'Integrations' }).click();
    await expect(page).toHaveURL(/\/integrations$/);

    // The list keeps Name and Status on screen.
    const table = page.getByRole('table');
    await expect(table.getByRole('link', { name })).toBeVisible();
    await expect(table.getByRole('columnheader', { name: 'Status' })).toBeInViewport();
    await expectNoSidewaysScroll(page, 'integrations list');

    await page.goto(`/integrations/aws/${id}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
    await expectNoSidewaysScroll(page, 'integration details');

    await page.goto(`/stacks/${slug}`);
    await expect(page.getByRole('tab', { name: 'Integrations' })).toBeVisible();
    await expectNoSidewaysScroll(page, 'stack details');
    await page.getByRole('tab', { name: 'Environment' }).click();
    await expectNoSidewaysScroll(page, 'stack environment');

    await page.goto('/integrations/new/aws');
    for (const [index, title] of wizardSteps.entries()) {
      await expect(page.getByRole('heading', { name: title, level: 2 })).toBeVisible();
      await expectNoSidewaysScroll(page, `wizard step ${index + 1}`);
      if (index < wizardSteps.length - 1) await page.getByRole('button', { name: 'Next' }).click();
    }
  } finally {
    await api.delete(`/api/stacks/${slug}`);
  }
});
