import { expect, test, withoutServiceWorker } from './fixtures';
import { appendOperative, twoDelegations } from './scene';

test('[MD92] the editor is typed in before the side panels’ code arrives, and nothing the reader does not use is downloaded', async ({
  browser,
  accord,
}) => {
  const scene = await twoDelegations(accord);
  // A first visit: no service worker yet, whose copy of the panels would bypass the held route.
  const context = await withoutServiceWorker(browser);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  const assets: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/assets/')) assets.push(path);
  });

  // The comments panel's code is held back, as on slow Wi-Fi, until the delegate has typed.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/assets\/CommentsPanel-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });

  await page.goto(accord.link(`/documents/${scene.documentId}`, scene.belize.token));
  const side = page.locator('.editor-page__side');
  await expect(side.getByRole('status')).toHaveText('Loading…');
  await appendOperative(page, 'To map the lending to MSMEs in the region');
  await expect
    .poll(() => accord.textOf(scene.documentId))
    .toContain('To map the lending to MSMEs in the region');

  // An English reader never fetched another language, nor the export dialog it has not opened.
  expect(assets.filter((path) => /\/(es|fr|pt)-[^/]+\.js$/.test(path))).toEqual([]);
  expect(assets.filter((path) => path.includes('/ExportDialog-'))).toEqual([]);

  release();
  await expect(side.getByRole('heading', { name: /^Comments/ })).toBeVisible();
  await expect(side.getByRole('status')).toHaveCount(0);

  // The dialog's code comes with the first opening, and the dialog opens at once with it.
  await page.getByRole('button', { name: 'Export this document' }).click();
  await expect(page.getByRole('dialog', { name: /^Export/ })).toBeVisible();
  expect(errors).toEqual([]);
  await context.close();
});

test('[MD93] a side panel whose code was cut off by a dropped connection appears, styled, when the connection returns; the text never leaves the screen', async ({
  browser,
  accord,
}) => {
  const scene = await twoDelegations(accord);
  // No service worker: nothing on the device can stand in for the panel's code.
  const context = await withoutServiceWorker(browser);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));

  // The comments panel's code and style are on their way when the connection drops.
  let cutOff = true;
  let reached: () => void = () => undefined;
  const requested = new Promise<void>((resolve) => {
    reached = resolve;
  });
  let release: () => void = () => undefined;
  const dropped = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/assets\/CommentsPanel-[^/]+\.(js|css)$/, async (route) => {
    if (!cutOff) return route.continue();
    reached();
    await dropped;
    return route.abort('internetdisconnected');
  });

  await page.goto(accord.link(`/documents/${scene.documentId}`, scene.belize.token));
  await requested;
  await context.setOffline(true);
  release();

  const side = page.locator('.editor-page__side');
  const badge = page.getByRole('status', { name: 'Connection' });
  await expect(badge).toHaveAttribute('data-state', 'offline');
  // The text stays, the panel keeps its loading line, and nothing says "error".
  await expect(page.locator('.draft-editor .ProseMirror')).toContainText('MSMEs');
  await expect(side.getByText('Loading…')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);

  cutOff = false;
  await context.setOffline(false);
  const heading = side.getByRole('heading', { name: /^Comments/ });
  await expect(heading).toBeVisible();
  // Its stylesheet was asked for again too: the title has the panel's size, not a page heading's.
  await expect
    .poll(() => heading.evaluate((element) => getComputedStyle(element).fontSize))
    .toBe(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize));
  expect(errors).toEqual([]);
  await context.close();
});

test('[MD94] a part whose code never arrives says so in one sentence, and the text stays on screen', async ({
  browser,
  accord,
}) => {
  const scene = await twoDelegations(accord);
  const context = await withoutServiceWorker(browser);
  const page = await context.newPage();
  await page.route(/\/assets\/ExportDialog-[^/]+\.(js|css)$/, (route) => route.abort('failed'));
  await page.goto(accord.link(`/documents/${scene.documentId}`, scene.belize.token));
  await expect(page.getByRole('status', { name: 'Connection' })).toHaveAttribute(
    'data-state',
    'synced',
  );
  await page.getByRole('button', { name: 'Export this document' }).click();
  // A few spaced attempts (about six seconds), then the sentence and a way forward.
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('This part of the page could not be loaded', {
    timeout: 20_000,
  });
  await expect(alert.getByRole('button', { name: 'Reload the page' })).toBeVisible();
  await expect(page.locator('.draft-editor .ProseMirror')).toContainText('MSMEs');
  await context.close();
});
