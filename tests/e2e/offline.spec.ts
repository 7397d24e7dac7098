import { expect, test } from './fixtures';
import { appendOperative, operative, bothDelegationsEditing } from './scene';

function occurrences(text: string, part: string): number {
  return text.split(part).length - 1;
}

test('offline typing survives closing the tab and syncs once back, without duplicates', async ({
  browser,
  accord,
}) => {
  const { scene, belize, chile } = await bothDelegationsEditing(browser, accord);
  await appendOperative(belize.page, 'To strengthen business development centres');
  await expect(operative(chile.page, 'To strengthen business development centres')).toBeVisible();

  // Belize loses the Wi-Fi and keeps typing.
  await belize.context.setOffline(true);
  const connection = belize.page.getByRole('status', { name: 'Connection' });
  await expect(connection).toHaveAttribute('data-state', 'offline');
  await expect(connection).toContainText('your changes are kept on this device');
  await operative(belize.page, 'To strengthen business development centres').click();
  await belize.page.keyboard.press('End');
  await belize.page.keyboard.type(' in rural areas');
  await expect(connection.locator('[data-device="saved"]')).toHaveText('Saved on this device');

  // The tab is closed while offline; the text stays on the device, not yet on the server.
  await belize.page.close();
  expect(await accord.textOf(scene.documentId)).not.toContain('in rural areas');
  await belize.context.setOffline(false);

  // Reopened online from the invitation link: the text reaches everyone, once.
  const reopened = await belize.context.newPage();
  await reopened.goto(accord.link(`/documents/${scene.documentId}`, scene.belize.token));
  const full = 'To strengthen business development centres in rural areas';
  await expect(operative(chile.page, full)).toHaveText(full);
  await expect(operative(reopened, full)).toHaveText(full);
  await expect(chile.page.locator('.ProseMirror', { hasText: 'in rural areas' })).toHaveCount(1);
  await expect.poll(async () => occurrences(await accord.textOf(scene.documentId), full)).toBe(1);
  expect(
    occurrences(
      (await chile.page.locator('.ProseMirror').textContent()) ?? '',
      'business development',
    ),
  ).toBe(1);
  expect(chile.errors).toEqual([]);
});

test('[MD6] a reload while offline opens the app and the last-opened document from this device', async ({
  browser,
  accord,
}) => {
  const { scene, belize } = await bothDelegationsEditing(browser, accord);
  await belize.page.setViewportSize({ width: 1366, height: 768 });
  await appendOperative(belize.page, 'To promote digital payments for MSMEs');
  await expect
    .poll(() => accord.textOf(scene.documentId))
    .toContain('To promote digital payments for MSMEs');
  // The installable app: a manifest, and a service worker that now controls the page.
  await expect(belize.page.locator('link[rel="manifest"]')).toHaveAttribute(
    'href',
    '/manifest.webmanifest',
  );
  await expect
    .poll(() => belize.page.evaluate(() => navigator.serviceWorker.controller !== null))
    .toBe(true);
  // Once more online, as a delegate does between sessions: everything now passes the worker.
  await belize.page.reload();
  const connection = belize.page.getByRole('status', { name: 'Connection' });
  await expect(connection).toHaveAttribute('data-state', 'synced');

  await belize.context.setOffline(true);
  await belize.page.reload();
  await expect(connection).toHaveAttribute('data-state', 'offline');
  await expect(operative(belize.page, 'To promote digital payments for MSMEs')).toBeVisible();
  await expect(belize.page.getByRole('alert')).toHaveCount(0);
  expect(
    belize.errors.filter((error) => !/ERR_INTERNET_DISCONNECTED|WebSocket/.test(error)),
  ).toEqual([]);
});
