import { defineConfig } from '@playwright/test';

/**
 * Browser tests in Debian's Chromium (never a downloaded browser): each worker starts the real
 * server on a free port with its own data directory (tests/e2e/fixtures.ts). The client must be
 * built first (`npm run test:e2e` does it).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  workers: 1,
  retries: 0,
  // One worker: each test opens two or three Chromium pages, and two such tests at once on two
  // cores made the longer journeys (set-up, two delegations, history) outlast a minute.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  // Typing latency is measured by `npm run bench -- --suite=browser`, not here.
  projects: [{ name: 'browser' }],
  use: {
    viewport: { width: 1280, height: 720 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
