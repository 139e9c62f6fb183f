import { expect, request, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { logIn } from '../fixtures.js';

export type Teammate = { email: string; password: string };

/** A teammate with `role` in `spaceId`, made the way the console does it: invite, then accept. */
export async function inviteTeammate(
  admin: APIRequestContext,
  baseURL: string,
  email: string,
  role: 'admin' | 'write' | 'read',
  spaceId = 'root',
): Promise<Teammate> {
  const created = await admin.post('/api/invites', { data: { email, role, spaceId } });
  expect(created.status(), await created.text()).toBe(201);
  const { link } = (await created.json()) as { link: string };
  const token = link.slice(link.indexOf('#') + 1);
  const password = `${role}-password-1234`;
  // Accepting signs the invitee in: its own cookie jar keeps the admin's session intact.
  const invitee = await request.newContext({ baseURL });
  const accepted = await invitee.post('/api/invites/accept', { data: { token, password } });
  expect(accepted.status(), await accepted.text()).toBe(200);
  await invitee.dispose();
  return { email, password };
}

/** A fresh browser context logged in as the teammate through the login form. */
export async function pageAs(browser: Browser, who: Teammate): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, who.email, who.password);
  await expect(page.getByRole('heading', { name: 'LaunchPad', level: 1 })).toBeVisible();
  return page;
}
