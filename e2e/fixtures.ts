import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import { E2E_ADMIN } from './env.js';

interface SeedIntegration {
  name: string;
  labels?: string[];
  spaceId?: string;
  roleArn?: string;
  region?: string;
}

interface Fixtures {
  /** An API client logged in as the admin; deletes what it seeded when the test ends. */
  api: APIRequestContext & { seedIntegration(input: SeedIntegration): Promise<{ id: string }> };
  /** A page logged in as the admin through the login form. */
  adminPage: Page;
}

export const test = base.extend<Fixtures>({
  api: async ({ playwright, baseURL }, use) => {
    const context = await playwright.request.newContext({ baseURL: baseURL! });
    await expect(await context.post('/api/session', { data: E2E_ADMIN })).toBeOK();
    const created: string[] = [];
    const api = Object.assign(context, {
      async seedIntegration(input: SeedIntegration) {
        // Without a real role, seed a worker-assumed integration: the BFF does not verify
        // those, so list tests do not wait on an AccessDenied retry.
        const data = input.roleArn
          ? { spaceId: 'root', ...input }
          : {
              spaceId: 'root',
              roleArn: 'arn:aws:iam::222222222222:role/e2e',
              assumeRoleOnWorker: true,
              ...input,
            };
        const res = await context.post('/api/integrations/aws', { data });
        expect(res.status(), await res.text()).toBe(201);
        const { integration } = (await res.json()) as { integration: { id: string } };
        created.push(integration.id);
        return { id: integration.id };
      },
    });
    await use(api);
    for (const id of created) await context.delete(`/api/integrations/aws/${id}`);
    await context.dispose();
  },

  adminPage: async ({ page }, use) => {
    await logIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
    await expect(page).not.toHaveURL(/\/login/);
    await use(page);
  },
});

export async function logIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

export { expect };
