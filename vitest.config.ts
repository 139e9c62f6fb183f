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
