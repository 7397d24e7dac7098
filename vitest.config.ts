import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          // PostgreSQL and Redis for the clustered mode's suites, on free ports, thrown away after.
          globalSetup: ['tests/engines/global-setup.ts'],
          include: [
            'shared/src/**/*.test.ts',
            'server/src/**/*.test.ts',
            'tests/integration/**/*.test.ts',
            'tests/cluster/**/*.test.ts',
            'bench/**/*.test.ts',
            'tests/spec/*.test.ts',
          ],
          environment: 'node',
        },
      },
      {
        // The editor's plugins in real Tiptap editors, with a DOM but no browser.
        extends: true,
        test: {
          name: 'client',
          include: ['client/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
        },
      },
    ],
  },
});
