import { expect, test } from './fixtures';
import { appendOperative, openEditor, operative, twoDelegations } from './scene';

test('a change refused by the server (locked while offline) is dropped and explained', async ({
  browser,
  accord,
}) => {
  const scene = await twoDelegations(accord);
  const belize = await openEditor(browser, accord, scene.documentId, scene.belize.token);
  await appendOperative(belize.page, 'To request a report to the General Assembly');
  await expect
    .poll(() => accord.textOf(scene.documentId))
    .toContain('To request a report to the General Assembly');

  await belize.context.setOffline(true);
  const connection = belize.page.getByRole('status', { name: 'Connection' });
  await expect(connection).toHaveAttribute('data-state', 'offline');
  await operative(belize.page, 'To request a report').click();
  await belize.page.keyboard.press('End');
  await belize.page.keyboard.type(' at its next regular session');
  await expect(connection.locator('[data-device="saved"]')).toBeVisible();

  // Meanwhile the chair locks the text for adoption.
  expect((await accord.lock(scene.documentId)).status).toBe('locked');
  await belize.context.setOffline(false);

  const alert = belize.page.getByRole('alert');
  await expect(alert).toContainText('Your last changes were not accepted');
  await expect(alert).toContainText('locked');
  const editor = belize.page.locator('.ProseMirror');
  // The server's text, without the refused words, read-only under the locked banner.
  await expect(editor).toContainText('To request a report to the General Assembly');
  await expect(editor).not.toContainText('at its next regular session');
  await expect(belize.page.getByText('This document is locked for adoption')).toBeVisible();
  await expect(editor).toHaveAttribute('contenteditable', 'false');
  await expect(connection).toHaveAttribute('data-state', 'synced');
  expect(await accord.textOf(scene.documentId)).not.toContain('at its next regular session');
  expect(belize.errors).toEqual([]);
});
