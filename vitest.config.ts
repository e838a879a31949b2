import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/support/build-web.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Each file uses its own SQLite file and PostgreSQL schema, so files run in parallel safely.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
