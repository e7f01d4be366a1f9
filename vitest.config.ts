import { configDefaults, defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'contract',
          root: './packages/contract',
          include: ['src/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'editor',
          root: './packages/editor',
          include: ['src/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'web',
          root: './apps/web',
          include: ['src/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'server',
          root: './apps/server',
          include: ['src/**/*.test.ts'],
          // Two server processes, PostgreSQL and Redis: the `multinode` project below.
          exclude: [...configDefaults.exclude, 'src/**/*.multinode.test.ts'],
          globalSetup: ['./src/test/global-setup.ts'],
          // Each file opens its own database; PGlite start-up dominates, not CPU.
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'multinode',
          root: './apps/server',
          include: ['src/**/*.multinode.test.ts'],
          globalSetup: ['./src/test/global-setup.ts'],
          // Starting two server processes (migrations, job queue, Redis) takes a while on a busy machine.
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'e2e',
          root: './e2e',
          include: ['**/*.e2e.ts'],
          globalSetup: ['./support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
