import {
  test as base,
  expect,
  type Browser,
  type BrowserContext,
  type Page,
} from '@playwright/test';
import { AccordApi } from './accord-api';
import { startServer, type RunningServer } from './server';

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen on this page, for a final "no errors" check. */
  errors: string[];
}

/**
 * A browser context per person (its own sessionStorage and IndexedDB, like a separate laptop).
 * `expectedErrors` are console messages a test provokes on purpose (a 401 from a revoked link).
 */
export async function openAs(
  browser: Browser,
  url: string,
  expectedErrors: RegExp[] = [],
): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (!expectedErrors.some((pattern) => pattern.test(text))) errors.push(text);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  await page.goto(url);
  return { context, page, errors };
}

/**
 * A browser context at 1366×768 whose pages have no service worker: a device's first visit,
 * where every asset a page gets comes over the network (and through the test's routes), and
 * nothing kept on the device stands in for the server.
 */
export function withoutServiceWorker(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1366, height: 768 }, serviceWorkers: 'block' });
}

/** Waits until the editor is connected and up to date with the server. */
export async function waitForSynced(page: Page): Promise<void> {
  await expect(page.getByRole('status', { name: 'Connection' })).toHaveAttribute(
    'data-state',
    'synced',
  );
}

export const test = base.extend<
  { accord: AccordApi; closeEarlierPeople: void },
  { server: RunningServer }
>({
  // The people of a test are browser contexts it opens itself, which Playwright leaves open
  // (only its own `context` fixture is closed). Left open, every earlier test's editors stay
  // connected to the worker's server, sync and poll, and the suite slows as it goes (70 pages
  // open by the fifty-fourth test). They are closed as the next test starts, not as this one
  // ends, so that a failed test's screenshots and trace still show every page.
  closeEarlierPeople: [
    async ({ browser }, use) => {
      await Promise.all(browser.contexts().map((context) => context.close()));
      await use();
    },
    { auto: true },
  ],
  server: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startServer();
      await use(server);
      await server.stop();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  accord: async ({ server, playwright }, use) => {
    const request = await playwright.request.newContext();
    await use(new AccordApi(request, server.url, server.adminToken));
    await request.dispose();
  },
});

export { expect };
