import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { appendOperative, openEditor, operative, twoDelegations } from './scene';

/** Names of the offline copies Accord keeps in this browser profile. */
function offlineCopies(page: Page): Promise<string[]> {
  return page.evaluate(async () =>
    (await indexedDB.databases())
      .map((database) => database.name ?? '')
      .filter((name) => name.startsWith('accord:')),
  );
}

test('"clear this device" removes the offline copy and the sign-in from a shared computer', async ({
  browser,
  accord,
}) => {
  const scene = await twoDelegations(accord);
  const { page, context, errors } = await openEditor(
    browser,
    accord,
    scene.documentId,
    scene.belize.token,
  );
  await appendOperative(page, 'To promote MSME export consortia');
  await expect.poll(() => accord.textOf(scene.documentId)).toContain('export consortia');

  // Typed offline: kept only on this device until the Wi-Fi comes back.
  await context.setOffline(true);
  const connection = page.getByRole('status', { name: 'Connection' });
  await expect(connection).toHaveAttribute('data-state', 'offline');
  await operative(page, 'To promote MSME export consortia').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' in the Caribbean');
  await expect(connection.locator('[data-device="saved"]')).toHaveText('Saved on this device');
  expect(await offlineCopies(page)).toHaveLength(1);

  // The delegate leaves the shared computer: one question, then everything is gone.
  await page.getByRole('button', { name: 'Clear this device' }).click();
  await expect(page.getByText('Remove offline copies and sign out of this browser?')).toBeVisible();
  await page.getByRole('button', { name: 'Yes, clear' }).click();
  await expect(page.getByRole('heading', { name: 'This device has been cleared' })).toBeVisible();
  await expect(page.locator('.ProseMirror')).toHaveCount(0);
  await expect.poll(() => offlineCopies(page)).toEqual([]);
  expect(new URL(page.url()).pathname).toBe('/');
  expect(await page.evaluate(() => sessionStorage.getItem('accord:token'))).toBeNull();

  // Back online, the unsent words do not come back from this browser, and the server never had
  // them; the invitation link still opens the document as it is on the server.
  await context.setOffline(false);
  await page.goto(accord.link(`/documents/${scene.documentId}`, scene.belize.token));
  await expect(operative(page, 'To promote MSME export consortia')).toBeVisible();
  await expect(page.getByRole('status', { name: 'Connection' })).toHaveAttribute(
    'data-state',
    'synced',
  );
  await expect(page.locator('.ProseMirror')).not.toContainText('in the Caribbean');
  expect(await accord.textOf(scene.documentId)).not.toContain('in the Caribbean');
  // Offline, the browser reports each load it could not make (the service worker tries the
  // network first, then serves its stored page): expected, and nothing else may be reported.
  expect(errors.filter((error) => !/ERR_INTERNET_DISCONNECTED/.test(error))).toEqual([]);
});
