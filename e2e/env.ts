/** The admin the e2e server is started with (see playwright.config.ts). */
export const E2E_ADMIN = { email: 'admin@example.com', password: 'e2e-admin-password' };

/**
 * The account name of the e2e server: the default, which the operator has not confirmed,
 * so the LaunchPad's "Name your account" stays to do there (teammates.spec.ts starts a
 * console of its own with ROLEBRIDGE_ACCOUNT_NAME, where it is done from the start).
 */
export const ACCOUNT_NAME = 'demo';
