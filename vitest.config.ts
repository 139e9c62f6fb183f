import { defineConfig } from 'vitest/config';

const include = [
  'apps/*/src/**/*.test.ts',
  'packages/*/src/**/*.test.ts',
  'packages/*/test/**/*.test.ts',
];
// Set (as .ci/run does) to run the BFF's API tests a second time on PostgreSQL: each test
// app then takes a fresh schema in that database instead of a SQLite file.
const postgres = process.env.TEST_DATABASE_URL;

// Unit and API tests for every workspace; e2e runs separately under Playwright.
export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    // Vitest's default is one fork fewer than the cores: one on a 2-core CI machine. These
    // files mostly wait on I/O (the sandbox over HTTP, PostgreSQL, the AWS CLI), so three forks
    // keep two cores busy: the two-dialect suite went from 460 s to 294 s here.
    maxWorkers: 3,
    // PostgreSQL test schemas are dropped once the whole run is done (schemas-teardown.ts).
    globalSetup: ['apps/bff/src/test/schemas-teardown.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'sqlite', include, env: { TEST_DATABASE_URL: '' } } },
      ...(postgres
        ? [
            {
              extends: true,
              test: {
                name: 'postgres',
                include: ['apps/bff/src/**/*.test.ts'],
                env: { TEST_DATABASE_URL: postgres },
              },
            },
          ]
        : []),
    ],
  },
});
