import { expect, expectAccessible, screenshot, test } from './setup-fixtures.js';

test('the LaunchPad and the integrations list have no serious accessibility violations', async ({
  adminPage: page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('progressbar', { name: 'Checklist progress' })).toHaveAttribute(
    'aria-valuenow',
    /^[0-4]$/,
  );
  await expect(page.getByText(/^[0-4]\/4$/)).toBeVisible();
  await expectAccessible(page, 'LaunchPad');
  await screenshot(page, 'launchpad');
  await page.goto('/integrations');
  await expect(page.getByRole('heading', { name: 'AWS integrations' })).toBeVisible();
  await expectAccessible(page, 'integrations list');
});

const steps = [
  'Create a role in AWS',
  'Configure trust policy',
  'Configure role permissions',
  'Copy the role ARN',
  'Create the cloud integration',
];

test('every wizard step has no serious accessibility violations and works by keyboard', async ({
  adminPage: page,
}) => {
  await page.goto('/integrations/new/aws');
  for (const [index, title] of steps.entries()) {
    const heading = page.getByRole('heading', { name: title, level: 2 });
    await expect(heading).toBeVisible();
    await expect(page.getByText(`Step ${index + 1} of 5`)).toBeVisible();
    await expect(page.locator('pre, form, ol').first()).toBeVisible();
    await expectAccessible(page, `wizard step ${index + 1}`);
    if (index === steps.length - 1) break;
    // Keyboard only: focus Next and press Enter; focus lands on the new step's heading.
    await page.getByRole('button', { name: 'Next' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: steps[index + 1], level: 2 })).toBeFocused();
  }
  await page.getByRole('button', { name: 'Back' }).press('Enter');
  await expect(page.getByRole('heading', { name: 'Copy the role ARN', level: 2 })).toBeFocused();
});
