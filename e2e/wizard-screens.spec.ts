import type { Page } from '@playwright/test';
import { ACCOUNT_NAME, createRole, trustPolicy } from './support/sandbox-aws.js';
import { expect, expectAccessible, screenshot, test } from './setup-fixtures.js';

// Two widths, five steps, two results, each with axe and a real AWS CLI call or two.
test.describe.configure({ timeout: 240_000 });

const steps = [
  'Create a role in AWS',
  'Configure trust policy',
  'Configure role permissions',
  'Copy the role ARN',
  'Create the cloud integration',
];

async function expectFits(page: Page, width: number, what: string) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `${what} is wider than the ${width} px screen`).toBeLessThanOrEqual(width);
}

async function setUp(page: Page, name: string, roleArn: string) {
  // A fresh setup, through the shortcut: ?step=5 alone would reopen the last result.
  await page.goto('/integrations/new/aws');
  await page.getByRole('button', { name: 'I already have a role' }).click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Role ARN', { exact: true }).fill(roleArn);
  await page.getByRole('button', { name: 'Set up' }).click();
}

for (const width of [1280, 390]) {
  test(`every wizard step and both results read well at ${width} px: screenshots for a person, axe for the rest`, async ({
    adminPage: page,
    unique,
    cleanup,
  }) => {
    await page.setViewportSize({ width, height: width > 800 ? 900 : 844 });
    await page.goto('/integrations/new/aws');
    for (const [index, title] of steps.entries()) {
      await expect(page.getByRole('heading', { name: title, level: 2 })).toBeVisible({
        timeout: 15_000,
      });
      await expect(page.getByText(`Step ${index + 1} of 5`)).toBeVisible();
      await expectAccessible(page, `wizard step ${index + 1} at ${width} px`);
      await expectFits(page, width, `wizard step ${index + 1}`);
      await screenshot(page, `wizard-${width}-step-${index + 1}`);
      if (index < steps.length - 1) await page.getByRole('button', { name: 'Next' }).click();
    }

    // Step 5's two outcomes: verified, and refused with the fix to copy.
    const okRole = unique('screens-ok');
    const deniedRole = unique('screens-denied');
    for (const n of [okRole, deniedRole]) {
      cleanup.role(n);
      cleanup.integration(n);
    }
    await setUp(page, okRole, createRole(okRole, trustPolicy([`${ACCOUNT_NAME}@*`])));
    await expect(
      page.getByRole('heading', { name: `${okRole} is set up and verified` }),
    ).toBeVisible({ timeout: 30_000 });
    await expectAccessible(page, `verified result at ${width} px`);
    await expectFits(page, width, 'verified result');
    await screenshot(page, `wizard-${width}-result-verified`);

    const otherStack = trustPolicy([`${ACCOUNT_NAME}@*@another-stack@*`]);
    await setUp(page, deniedRole, createRole(deniedRole, otherStack));
    await expect(
      page.getByRole('heading', {
        name: `${deniedRole} was saved, but the role could not be assumed`,
      }),
    ).toBeVisible({ timeout: 30_000 });
    await expectAccessible(page, `refused result at ${width} px`);
    await expectFits(page, width, 'refused result');
    await screenshot(page, `wizard-${width}-result-refused`);
  });
}
