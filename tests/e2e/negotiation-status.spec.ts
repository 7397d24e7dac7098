import { expect, test } from './fixtures';
import { addChair, appendOperative, openEditor, operative, twoDelegations } from './scene';

test('[NB20] the chair marks a paragraph agreed from the menu beside its number; the delegate cannot change it there and is told why', async ({
  browser,
  accord,
}) => {
  const words = 'To promote access to finance for MSMEs';
  const scene = await twoDelegations(accord);
  const chair = await addChair(accord, scene);
  const chairPage = await openEditor(browser, accord, scene.documentId, chair.token);
  const delegate = await openEditor(browser, accord, scene.documentId, scene.chile.token);

  await appendOperative(delegate.page, words);
  const onDelegate = operative(delegate.page, words);
  const onChair = operative(chairPage.page, words);
  // The chair has a named menu in the paragraph; the delegate reads the status, no menu.
  const menu = onChair.getByRole('combobox', { name: /^Status of paragraph \d+$/ });
  await expect(menu).toHaveValue('pending');
  await expect(onDelegate.getByRole('combobox')).toHaveCount(0);
  await expect(onDelegate).toHaveAttribute('data-status-label', 'Pending');

  // Keyboard: focus the menu and choose "Agreed".
  await menu.focus();
  await menu.selectOption('agreed');
  await expect(onDelegate).toHaveAttribute('data-status-label', 'Agreed');
  await expect(onDelegate).toHaveAttribute('title', 'Agreed: only the chair can change it');

  // Typing there changes nothing, on the screen or on the server.
  await onDelegate.click();
  await delegate.page.keyboard.press('End');
  await delegate.page.keyboard.type(' and banks');
  await expect(onDelegate).not.toContainText('and banks');
  expect(await accord.textOf(scene.documentId)).toContain(`${words}`);
  expect(await accord.textOf(scene.documentId)).not.toContain('and banks');
  expect(chairPage.errors).toEqual([]);
  expect(delegate.errors).toEqual([]);
});
