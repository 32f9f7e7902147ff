import { defineConfig } from 'vitest/config';

// Four layers, one command. Integration tests run twice: on the embedded PGlite and on a real
// PostgreSQL server, selected by SIYI_TEST_DB. See test/support/db.ts.
//
// Unit and integration files run two at a time (Vitest's default on two cores is one worker, and
// a PGlite file keeps one core busy while the other idles), in workers that import the server once
// (isolate: false), so a file must leave no process state behind. The browser journeys come after them,
// one file at a time, with the machine to themselves: they share one server and its test clock,
// and their waits are for what a user would see, not for CPU other tests took.
const workers = 2;

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          maxWorkers: workers,
          isolate: false,
        },
      },
      {
        test: {
          name: 'pglite',
          include: ['test/integration/**/*.test.ts'],
          exclude: ['test/integration/**/*.pg-only.test.ts'],
          env: { SIYI_TEST_DB: 'pglite' },
          globalSetup: ['test/support/pglite-global.ts'],
          maxWorkers: workers,
          isolate: false,
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
          maxWorkers: workers,
          isolate: false,
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
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
