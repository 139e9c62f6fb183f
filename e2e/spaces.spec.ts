import { inviteTeammate, pageAs } from './support/users.js';
import { expect, test } from './setup-fixtures.js';

test('an admin creates and renames a space in Settings; its own admin may rename it but only the parent admin decides inheritance', async ({
  adminPage: page,
  api,
  browser,
  baseURL,
  unique,
}) => {
  test.setTimeout(90_000);
  const name = unique('team');
  const renamed = unique('platform-team');
  await page.goto('/settings');
  const section = page.getByRole('region', { name: 'Spaces' });
  const form = section.getByRole('form', { name: 'New space' });
  await form.getByLabel('Space name', { exact: true }).fill(name);
  await form.getByLabel('Parent space', { exact: true }).selectOption({ label: 'root' });
  await form.getByRole('button', { name: 'Create space' }).click();
  await expect(section.getByRole('status')).toHaveText(`Space ${name} created.`);
  const table = section.getByRole('table', { name: 'Spaces' });
  await expect(table.getByRole('row', { name: new RegExp(name) })).toContainText('root');

  await table.getByRole('button', { name: `Rename ${name}` }).click();
  await table.getByLabel(`New name for ${name}`).fill(renamed);
  await table.getByRole('button', { name: 'Save' }).click();
  const row = table.getByRole('row', { name: new RegExp(renamed) });
  await expect(row).toBeVisible();
  const inherit = row.getByRole('checkbox', { name: `${renamed} inherits integrations from root` });
  await expect(inherit).toBeChecked();
  await inherit.uncheck();
  await expect(inherit).not.toBeChecked();
  await page.reload();
  await expect(
    page.getByRole('checkbox', { name: `${renamed} inherits integrations from root` }),
  ).not.toBeChecked();

  const spaces = (await (await api.get('/api/spaces')).json()) as {
    items: { id: string; name: string; inheritEntities: boolean }[];
  };
  const created = spaces.items.find((s) => s.name === renamed);
  expect(created?.inheritEntities).toBe(false);
  try {
    // The space's own admin renames it, but inheritance opens root's roles: not theirs to say.
    const teamAdmin = await inviteTeammate(
      api,
      baseURL!,
      `${unique('space-admin')}@example.com`,
      'admin',
      created!.id,
    );
    const theirs = await pageAs(browser, teamAdmin);
    await theirs.goto('/settings');
    const theirTable = theirs.getByRole('region', { name: 'Spaces' }).getByRole('table');
    await expect(theirTable.getByRole('button', { name: `Rename ${renamed}` })).toBeVisible();
    await expect(theirTable.getByRole('checkbox')).toHaveCount(0);
    await expect(theirTable.getByRole('row', { name: new RegExp(renamed) })).toContainText('No');
    // New spaces go only under the spaces they administer.
    const parents = theirs
      .getByRole('form', { name: 'New space' })
      .getByLabel('Parent space', { exact: true });
    await expect(parents.getByRole('option')).toHaveText([renamed]);
    await theirs.context().close();

    const reader = await inviteTeammate(api, baseURL!, `${unique('reader')}@example.com`, 'read');
    const readerPage = await pageAs(browser, reader);
    await readerPage.goto('/settings');
    const readerSection = readerPage.getByRole('region', { name: 'Spaces' });
    await expect(readerSection.getByRole('row', { name: new RegExp(renamed) })).toBeVisible();
    await expect(readerSection.getByRole('button')).toHaveCount(0);
    await expect(readerSection.getByRole('checkbox')).toHaveCount(0);
    await expect(readerSection.getByRole('form')).toHaveCount(0);
    await readerPage.context().close();
  } finally {
    await api.delete(`/api/spaces/${created!.id}`);
  }
});
