import { expect, test } from './fixtures';
import { addChair, appendOperative, openEditor, operative, twoDelegations } from './scene';

test('[PR12] a delegate proposes by typing and deleting; the chair sees both in its colour and accepts from the panel; the delegate sees the accepted text', async ({
  browser,
  accord,
}) => {
  const scene = await twoDelegations(accord);
  const chair = await addChair(accord, scene);
  const panama = await openEditor(browser, accord, scene.documentId, chair.token);
  await appendOperative(panama.page, 'To promote small enterprises');
  await expect
    .poll(() => accord.textOf(scene.documentId))
    .toContain('To promote small enterprises');

  const belize = await openEditor(browser, accord, scene.documentId, scene.belize.token);
  await belize.page.getByRole('checkbox', { name: 'Propose changes' }).check();
  await operative(belize.page, 'To promote small').click();
  await belize.page.keyboard.press('End');
  await belize.page.keyboard.type(' in the region');
  await belize.page.keyboard.press('Home');
  for (let i = 0; i < 'To promote '.length; i++) await belize.page.keyboard.press('ArrowRight');
  for (let i = 0; i < 'small '.length; i++) await belize.page.keyboard.press('Delete');
  await expect(belize.page.locator('.ProseMirror .proposal--delete')).toHaveText('small ');

  const inserted = panama.page.locator('.ProseMirror .proposal--insert', {
    hasText: 'in the region',
  });
  await expect(inserted).toBeVisible();
  await expect(inserted).toHaveAttribute('title', /Belize/);
  await expect(inserted).toHaveAttribute('style', /color/);
  // The chair sees "small " proposed for deletion by Belize. Belize's caret, drawn among the
  // words as it moves, may part the struck-through words into two spans for a moment.
  const deleted = panama.page.locator('.ProseMirror .proposal--delete');
  await expect.poll(async () => (await deleted.allTextContents()).join('')).toBe('small ');
  await expect(deleted.filter({ hasText: 'small' })).toHaveAttribute('title', /Belize/);

  const panel = panama.page.getByRole('region', { name: 'Proposals' });
  await expect(panel.getByText('2 open proposals')).toBeVisible();
  await panel
    .getByRole('listitem')
    .filter({ hasText: 'in the region' })
    .getByRole('button', { name: 'Accept' })
    .click();
  await expect(panel.getByText('1 open proposal')).toBeVisible();

  const text = belize.page.locator('.ProseMirror');
  await expect(text).toContainText('To promote small enterprises in the region');
  await expect(belize.page.locator('.ProseMirror .proposal--insert')).toHaveCount(0);
  await expect.poll(() => accord.textOf(scene.documentId)).toContain('enterprises in the region');
  expect(belize.errors).toEqual([]);
  expect(panama.errors).toEqual([]);
});

test('[PR20] the chair puts one paragraph in pen-holder mode: the delegate sees its badge and its typing there becomes a proposal; the chair accepts it, then undoes it with Ctrl+Z and the proposal is back for the delegate', async ({
  browser,
  accord,
}) => {
  const scene = await twoDelegations(accord);
  const chair = await addChair(accord, scene);
  const panama = await openEditor(browser, accord, scene.documentId, chair.token);
  await appendOperative(panama.page, 'To promote small enterprises');
  await expect
    .poll(() => accord.textOf(scene.documentId))
    .toContain('To promote small enterprises');

  const panel = panama.page.getByRole('region', { name: 'Proposals' });
  const modeOfParagraph = panel.getByLabel('Mode of this paragraph');
  await modeOfParagraph.selectOption('penholder');
  const belize = await openEditor(browser, accord, scene.documentId, scene.belize.token);
  const paragraph = operative(belize.page, 'To promote small');
  await expect(paragraph).toHaveAttribute('data-paragraph-mode', 'Pen-holder here');

  // Without switching proposing on: in this paragraph the delegation's words become a proposal.
  await paragraph.click();
  await belize.page.keyboard.press('End');
  await belize.page.keyboard.type(' in the region');
  await expect(belize.page.locator('.ProseMirror .proposal--insert')).toHaveText(' in the region');

  await panel
    .getByRole('listitem')
    .filter({ hasText: 'in the region' })
    .getByRole('button', { name: 'Accept' })
    .click();
  await expect(panel.getByText('Decision recorded on 1 proposal.')).toBeVisible();
  await expect(belize.page.locator('.ProseMirror .proposal--insert')).toHaveCount(0);
  await panama.page.keyboard.press('Control+z');
  await expect(panel.getByText('Decision undone: the proposals are open again.')).toBeVisible();
  await expect(belize.page.locator('.ProseMirror .proposal--insert')).toHaveText(' in the region');
  await expect(panel.getByText('1 open proposal')).toBeVisible();
  await panama.page.locator('.ProseMirror').click();
  await panama.page.keyboard.press('Control+End');
  await modeOfParagraph.selectOption('');
  await expect(paragraph).not.toHaveAttribute('data-paragraph-mode', /./);
  expect(belize.errors).toEqual([]);
  expect(panama.errors).toEqual([]);
});
