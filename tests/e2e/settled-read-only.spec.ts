import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addChair, openEditor, operative, twoDelegations } from './scene';

const SETTLED = 'To promote access to finance for MSMEs';
const NEIGHBOUR = 'To encourage digital payments';

/** A new operative paragraph at the end, its text inserted at once (not typed key by key). */
async function addOperative(page: Page, text: string): Promise<void> {
  await page.locator('.ProseMirror').click();
  await page.keyboard.press('Control+End');
  await page.getByRole('button', { name: 'New operative paragraph' }).click();
  await page.keyboard.insertText(text);
}

test('[NB42] a paragraph the chair settles turns read-only in the delegate’s editor there only, and writable again when the chair reopens it', async ({
  browser,
  accord,
}) => {
  const scene = await twoDelegations(accord);
  const chairInvitation = await addChair(accord, scene);
  const delegate = await openEditor(browser, accord, scene.documentId, scene.chile.token);
  for (const text of [SETTLED, NEIGHBOUR]) await addOperative(delegate.page, text);
  const chair = await openEditor(browser, accord, scene.documentId, chairInvitation.token);
  const menu = operative(chair.page, SETTLED).getByRole('combobox', {
    name: /^Status of paragraph \d+$/,
  });
  const settled = operative(delegate.page, SETTLED);
  const neighbour = operative(delegate.page, NEIGHBOUR);
  await expect(settled).not.toHaveAttribute('aria-readonly', 'true');
  let written = NEIGHBOUR;

  for (const [status, label] of [
    ['agreed', 'Agreed'],
    ['ad_ref', 'Agreed ad ref'],
  ] as const) {
    await menu.selectOption(status);
    await expect(settled).toHaveAttribute('data-status-label', label);
    // Read-only to the eye, to assistive technology and to the keyboard: nothing typed lands.
    await expect(settled).toHaveAttribute('aria-readonly', 'true');
    await expect(settled).toHaveAttribute('contenteditable', 'false');
    await settled.click();
    await delegate.page.keyboard.press('End');
    await delegate.page.keyboard.type(` ${status}-refused`);
    await expect(settled).toHaveText(SETTLED);
    // The rest of the text is still the delegate's to write.
    await expect(neighbour).not.toHaveAttribute('aria-readonly', 'true');
    await neighbour.click();
    await delegate.page.keyboard.press('End');
    await delegate.page.keyboard.type(` ${status}`);
    written += ` ${status}`;
    await expect(neighbour).toHaveText(written);
  }
  await expect.poll(() => accord.textOf(scene.documentId)).toContain(written);
  expect(await accord.textOf(scene.documentId)).not.toContain('-refused');

  // The chair reopens it: the delegate writes there again.
  await menu.selectOption('pending');
  await expect(settled).not.toHaveAttribute('aria-readonly', 'true');
  await settled.click();
  await delegate.page.keyboard.press('End');
  await delegate.page.keyboard.type(' and banks');
  await expect(settled).toHaveText(`${SETTLED} and banks`);
  await expect.poll(() => accord.textOf(scene.documentId)).toContain(`${SETTLED} and banks`);

  expect(chair.errors).toEqual([]);
  expect(delegate.errors).toEqual([]);
});
