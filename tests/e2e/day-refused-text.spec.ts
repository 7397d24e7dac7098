import { expect, test } from './fixtures';
import { addChair, appendOperative, openEditor, operative, twoDelegations } from './scene';

test('[MD3] words typed offline before the chair locks are shown to their author, not lost', async ({
  browser,
  accord,
}) => {
  const scene = await twoDelegations(accord);
  const chair = await addChair(accord, scene);
  const belize = await openEditor(browser, accord, scene.documentId, scene.belize.token);
  await belize.page.setViewportSize({ width: 1366, height: 768 });
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

  // The chair locks for adoption, and is asked first, as for a restore.
  const chairPage = await openEditor(browser, accord, scene.documentId, chair.token);
  await chairPage.page.getByRole('button', { name: 'Lock for adoption' }).click();
  await expect(chairPage.page.getByText('Lock the text for adoption?')).toBeVisible();
  await chairPage.page.getByRole('button', { name: 'Yes, lock' }).click();
  await expect(chairPage.page.getByText('This document is locked for adoption')).toBeVisible();

  await belize.context.setOffline(false);
  const refused = belize.page.getByRole('region', {
    name: 'Your text was not added because the chair locked the document',
  });
  await expect(refused).toBeVisible();
  await expect(refused.locator('blockquote')).toHaveText('at its next regular session');
  await expect(refused.getByRole('button', { name: 'Copy' })).toBeVisible();
  // The server's text stays as the chair locked it.
  await expect(belize.page.locator('.ProseMirror')).not.toContainText(
    'at its next regular session',
  );
  expect(await accord.textOf(scene.documentId)).not.toContain('at its next regular session');
  expect(belize.errors).toEqual([]);
  expect(chairPage.errors).toEqual([]);
});
