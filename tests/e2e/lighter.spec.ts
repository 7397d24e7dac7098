import { expect, test } from './fixtures';
import { appendOperative, twoDelegations } from './scene';

test('[MD92] the editor is typed in before the side panels’ code arrives, and nothing the reader does not use is downloaded', async ({
  browser,
  accord,
}) => {
  const scene = await twoDelegations(accord);
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
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
