/** The admin the e2e server is started with (see playwright.config.ts). */
export const E2E_ADMIN = { email: 'admin@example.com', password: 'e2e-admin-password' };

/**
 * The account name the e2e server is started with (ROLEBRIDGE_ACCOUNT_NAME), so the
 * LaunchPad's "Name your account" is done from the start; it is also the default name.
 */
export const ACCOUNT_NAME = 'demo';
