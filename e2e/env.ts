/** The admin the e2e server is started with (see playwright.config.ts). */
export const E2E_ADMIN = { email: 'admin@example.com', password: 'e2e-admin-password' };
