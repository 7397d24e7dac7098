import { expect, test } from './fixtures';
import { addChair, appendOperative, openEditor, operative, twoDelegations } from './scene';
import { revealInToolbar } from './toolbar';

test('the chair marks a paragraph agreed and locks the text; delegates see both at once', async ({
  browser,
  accord,
}) => {
  const scene = await twoDelegations(accord);
  const chair = await addChair(accord, scene);
  const chairPage = await openEditor(browser, accord, scene.documentId, chair.token);
  const delegate = await openEditor(browser, accord, scene.documentId, scene.chile.token);

  await appendOperative(delegate.page, 'To promote access to finance for MSMEs');
  const onChair = operative(chairPage.page, 'To promote access to finance for MSMEs');
  await expect(onChair).toHaveAttribute('data-status-label', 'Pending');
  // A delegate has no status picker.
  await expect(delegate.page.getByLabel('Paragraph status')).toHaveCount(0);

  await onChair.click();
  await revealInToolbar(chairPage.page, chairPage.page.getByLabel('Paragraph status'));
  await chairPage.page.getByLabel('Paragraph status').selectOption('agreed');
  await expect(operative(delegate.page, 'To promote access to finance for MSMEs')).toHaveAttribute(
    'data-status-label',
    'Agreed',
  );

  await chairPage.page.getByRole('button', { name: 'Lock for adoption' }).click();
  await chairPage.page.getByRole('button', { name: 'Yes, lock' }).click();
  await expect(delegate.page.getByText('This document is locked for adoption.')).toBeVisible();
  await expect(delegate.page.locator('.ProseMirror')).toHaveAttribute('contenteditable', 'false');
  const text = await accord.textOf(scene.documentId);
  expect(text).toContain('To promote access to finance for MSMEs');
  expect(chairPage.errors).toEqual([]);
  expect(delegate.errors).toEqual([]);
});
