import { defineConfig } from 'vitest/config';

// Four layers, one command. Integration tests run twice: on the embedded PGlite and on a real
// PostgreSQL server, selected by SIYI_TEST_DB. See test/support/db.ts.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'pglite',
          include: ['test/integration/**/*.test.ts'],
          exclude: ['test/integration/**/*.pg-only.test.ts'],
          env: { SIYI_TEST_DB: 'pglite' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'postgres',
          include: ['test/integration/**/*.test.ts'],
          env: { SIYI_TEST_DB: 'postgres' },
          globalSetup: ['test/support/postgres-global.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['e2e/support/global.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
