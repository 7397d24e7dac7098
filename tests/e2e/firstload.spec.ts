import { expect, test, withoutServiceWorker } from './fixtures';
import { appendOperative, twoDelegations } from './scene';

test('[MD63] a document link shows its text at once, then the editor takes over with the same text', async ({
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

  // The editor's code is held back, as on slow Wi-Fi, until the test has seen the preview.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/assets\/editor-vendor-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });

  await page.goto(accord.link(`/documents/${scene.documentId}`, scene.belize.token), {
    waitUntil: 'commit',
  });
  const preview = page.locator('#first-paint');
  await expect(preview).toBeVisible();
  const previewBlocks = await preview.locator('.draft > *').allTextContents();
  const expected = (await accord.textOf(scene.documentId)).trim();
  expect(previewBlocks.length).toBeGreaterThan(0);
  for (const block of previewBlocks.filter((text) => text.trim() !== '')) {
    expect(expected).toContain(block);
  }
  await expect(page.locator('.ProseMirror')).toHaveCount(0);

  // A key pressed before the editor is ready is answered, not silently dropped.
  await expect(preview.getByRole('status')).toHaveText('Opening the editor…');
  await page.keyboard.type('x');
  await expect(preview.getByRole('status')).toContainText('The text cannot be edited yet');

  release();
  const editor = page.locator('.ProseMirror[contenteditable="true"]');
  await expect(editor).toBeVisible();
  await expect(preview).toHaveCount(0);
  // The same blocks, in the same order, as the preview showed.
  const editorBlocks = await page.locator('.ProseMirror > *').allTextContents();
  expect(editorBlocks).toEqual(previewBlocks);
  // Nothing typed before reached the document.
  expect(await accord.textOf(scene.documentId)).toBe(`${expected}\n`);
  expect(errors).toEqual([]);
  await context.close();
});

test('[MD64] a meeting’s page fetches the editor’s code while it sits idle, so a document opened from it needs none', async ({
  browser,
  accord,
}) => {
  const scene = await twoDelegations(accord);
  // A first visit: no service worker, so every asset the page gets comes over the network.
  const context = await withoutServiceWorker(browser);
  const page = await context.newPage();
  const editorCode = /\/assets\/(EditorPage|DraftEditor|editor-vendor)-[^/]+\.js$/;
  const fetched = new Set<string>();
  page.on('requestfinished', (request) => {
    const part = editorCode.exec(new URL(request.url()).pathname)?.[1];
    if (part) fetched.add(part);
  });

  await page.goto(accord.link(`/meetings/${scene.meetingId}`, scene.belize.token));
  const link = page.getByRole('link', { name: 'Draft recommendation on MSMEs' });
  await expect(link).toBeVisible();
  // The meeting's page, left alone, brings the editor's three parts in.
  await expect
    .poll(() => [...fetched].sort())
    .toEqual(['DraftEditor', 'EditorPage', 'editor-vendor']);

  // From now on the editor's code cannot be fetched: the document opens with what came before.
  let refused = 0;
  await page.route(editorCode, async (route) => {
    refused += 1;
    await route.abort();
  });
  await link.click();
  const editor = page.locator('.ProseMirror[contenteditable="true"]');
  await expect(editor).toBeVisible();
  await appendOperative(page, 'To open credit lines for women-led MSMEs');
  await expect
    .poll(() => accord.textOf(scene.documentId))
    .toContain('To open credit lines for women-led MSMEs');
  expect(refused).toBe(0);
  await context.close();
});
