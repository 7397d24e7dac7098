import type { Browser, Page } from '@playwright/test';
import { expect, test, waitForSynced } from './fixtures';
import { appendOperative, operative, twoDelegations } from './scene';

declare global {
  interface Window {
    cspViolations?: string[];
  }
}

/**
 * A page of the built client under the server's content security policy, with every
 * violation the browser reports kept (`securitypolicyviolation` events and console errors).
 */
async function openWatched(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await context.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.cspViolations!.push(`${event.effectiveDirective} ${event.blockedURI}`);
    });
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  const answer = await page.goto(url);
  const policy = (await answer?.headerValue('content-security-policy')) ?? '';
  return { context, page, errors, policy };
}

const violations = (page: Page) => page.evaluate(() => window.cspViolations ?? []);

test('[N19] the built client runs under the content security policy with no violation', async ({
  browser,
  accord,
}) => {
  const scene = await twoDelegations(accord);
  const secretariat = await openWatched(browser, accord.link('/', accord.adminToken));
  expect(secretariat.policy).toContain("script-src 'self'");
  expect(secretariat.policy).toContain("frame-ancestors 'none'");
  await expect(secretariat.page.getByRole('heading').first()).toBeVisible();

  const belize = await openWatched(
    browser,
    accord.link(`/documents/${scene.documentId}`, scene.belize.token),
  );
  const chile = await openWatched(
    browser,
    accord.link(`/documents/${scene.documentId}`, scene.chile.token),
  );
  await waitForSynced(belize.page);
  await waitForSynced(chile.page);

  // Typing, the other's caret and selection (styled in their delegation's colour).
  await appendOperative(belize.page, 'to promote access to finance for MSMEs');
  await expect(operative(chile.page, 'access to finance')).toBeVisible();
  await belize.page.keyboard.press('Shift+Home');
  await expect(chile.page.locator('.collaboration-carets__caret')).toBeVisible();
  await expect(chile.page.locator('.collaboration-carets__selection').first()).toBeVisible();

  for (const opened of [secretariat, belize, chile]) {
    expect(await violations(opened.page)).toEqual([]);
    expect(opened.errors).toEqual([]);
    await opened.context.close();
  }
});
