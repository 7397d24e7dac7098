import { expect, test } from './fixtures';
import { appendOperative, openEditor, twoDelegations } from './scene';
import { waitForSynced } from './fixtures';

test('[SG6] an invitation link signs the browser in: a second tab on a document URL is signed in, until "Clear this device"', async ({
  browser,
  accord,
}) => {
  const scene = await twoDelegations(accord);
  const first = await openEditor(browser, accord, scene.documentId, scene.belize.token);
  const { context } = first;
  const deviceCookie = async () =>
    (await context.cookies()).find((cookie) => cookie.name === 'accord_device');
  await expect.poll(async () => (await deviceCookie())?.httpOnly).toBe(true);
  expect((await deviceCookie())?.sameSite).toBe('Strict');

  // A colleague's document URL, without any token, in a new tab of the same browser.
  const second = await context.newPage();
  await second.goto(`${accord.baseUrl}/documents/${scene.documentId}`);
  await waitForSynced(second);
  await appendOperative(second, 'To harmonise MSME customs procedures');
  await expect.poll(() => accord.textOf(scene.documentId)).toContain('harmonise MSME customs');

  await second.getByRole('button', { name: 'Clear this device' }).click();
  await second.getByRole('button', { name: 'Yes, clear' }).click();
  await expect(second.getByRole('heading', { name: 'This device has been cleared' })).toBeVisible();
  await expect.poll(deviceCookie).toBeUndefined();

  const third = await context.newPage();
  await third.goto(`${accord.baseUrl}/documents/${scene.documentId}`);
  await expect(third.getByRole('heading', { name: 'Open your invitation link' })).toBeVisible();
  await expect(third.locator('.ProseMirror')).toHaveCount(0);
  expect(first.errors).toEqual([]);
});
