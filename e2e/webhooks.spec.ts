import { expect, expectAccessible, screenshot, test } from './setup-fixtures.js';
import { signedWith, startReceiver } from './support/webhook-receiver.js';

test('a root admin adds a webhook, copies its secret once, sends a signed test and deletes it', async ({
  adminPage: page,
}) => {
  // Settings runs axe over a long page: on a busy machine that alone can take 20 s.
  test.setTimeout(90_000);
  const receiver = await startReceiver();
  await page.goto('/settings');
  const section = page.getByRole('region', { name: 'Webhooks' });
  await section.getByRole('button', { name: 'Add webhook' }).click();
  const form = section.getByRole('form', { name: 'New webhook' });

  // Only http(s): the form says so under the field, from the same schema the API uses.
  await form.getByLabel('Payload URL').fill('ftp://127.0.0.1/hook');
  await form.getByRole('button', { name: 'Add webhook' }).click();
  await expect(form.getByText('Enter an http:// or https:// URL')).toBeVisible();

  await form.getByLabel('Payload URL').fill(receiver.url);
  await expect(form.getByLabel('Integration failing')).toBeChecked();
  await form.getByLabel('Integration recovered').uncheck();
  await form.getByRole('button', { name: 'Add webhook' }).click();

  await expect(section.getByRole('heading', { name: 'Webhook added' })).toBeFocused();
  const secret = (await section.getByLabel('Signing secret', { exact: true }).innerText()).trim();
  expect(secret.length).toBeGreaterThanOrEqual(32);
  await screenshot(page, 'settings-webhook-created');
  await section.getByRole('button', { name: 'Done, I have copied it' }).click();
  expect(await page.content()).not.toContain(secret);

  await section.getByRole('button', { name: `Send test to ${receiver.url}` }).click();
  const deliveries = section.getByRole('table', { name: `Recent deliveries to ${receiver.url}` });
  const test1 = deliveries.getByRole('row').filter({ hasText: 'Test' });
  await expect(test1).toContainText('Delivered');
  await expect(test1).toContainText('HTTP 204');
  expect(receiver.received).toHaveLength(1);
  expect(signedWith(secret, receiver.received[0]!)).toBe(true);
  await expect(section.getByText('Integration failing', { exact: true })).toBeVisible();
  await expect(section.getByText('Integration recovered', { exact: true })).toHaveCount(0);

  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width > 800 ? 900 : 844 });
    await section.scrollIntoViewIfNeeded();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(overflow, `page width at ${width} px`).toBeLessThanOrEqual(width);
    await expectAccessible(page, `settings webhooks at ${width} px`);
    await screenshot(page, `settings-webhooks-${width}`);
  }

  await section.getByRole('button', { name: `Delete webhook ${receiver.url}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this webhook?' });
  await dialog.getByRole('button', { name: 'Delete webhook' }).click();
  await expect(dialog).toBeHidden();
  await expect(section.getByText('No webhooks yet.')).toBeVisible();
  await receiver.close();
});
